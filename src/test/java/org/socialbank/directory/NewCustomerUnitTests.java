package org.socialbank.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Language;

/** bcrypt reads 72 bytes of a password; the policy counts UTF-8 bytes (issue 12, security review #20). */
class NewCustomerUnitTests {

    @Test
    @DisplayName("issue 12: a password over 72 UTF-8 bytes is refused, however few characters it has")
    void passwordsAreBoundedInBytes() {
        assertThat(customer("a".repeat(72)).password()).hasSize(72);
        assertThatThrownBy(() -> customer("a".repeat(73))).hasMessageContaining("72 bytes");
        assertThat(customer("пароль".repeat(6)).password()).hasSize(36); // 72 bytes in UTF-8
        assertThatThrownBy(() -> customer("пароль".repeat(6) + "я")).hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> customer("密码很长".repeat(7)))
                .hasMessageContaining("72 bytes"); // 28 characters, 84 bytes
        assertThat(NewCustomer.passwordTooLong("密码很长".repeat(6))).isFalse();
    }

    private static NewCustomer customer(String password) {
        return new NewCustomer(
                new CustomerId(UUID.randomUUID()),
                "Bob Brown",
                Language.EN,
                KycLevel.BASIC,
                "bob",
                password,
                List.of());
    }
}
