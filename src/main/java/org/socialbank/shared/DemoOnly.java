package org.socialbank.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * A bean (usually a {@code /dev/**} controller) that exists only when {@code
 * socialbank.demo.enabled=true}: outside demo mode its paths are not mapped at all and answer 404,
 * whatever the controller would have checked.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = DemoMode.PROPERTY)
public @interface DemoOnly {}
