package org.socialbank.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's {@link DataSource}, wrapped once it is initialized so that every connection it
 * hands out passes through a test's wrapper first (a store outage, a statement held at a latch);
 * closing the wrapped data source closes the pool.
 */
public final class WrappedConnections {

    private WrappedConnections() {}

    public static BeanPostProcessor wrapper(UnaryOperator<Connection> wrap) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource source && !(bean instanceof Wrapped)
                        ? new Wrapped(source, wrap)
                        : bean;
            }
        };
    }

    private static final class Wrapped extends DelegatingDataSource implements AutoCloseable {

        private final UnaryOperator<Connection> wrap;

        Wrapped(DataSource target, UnaryOperator<Connection> wrap) {
            super(target);
            this.wrap = wrap;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap.apply(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap.apply(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (obtainTargetDataSource() instanceof AutoCloseable pool) {
                pool.close();
            }
        }
    }
}
