package org.socialbank;

import org.socialbank.console.VerifyAudit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SocialbankApplication {
    public static void main(String[] args) {
        if (VerifyAudit.asked(args)) { // the store alone, no node (docs/console.md)
            System.exit(VerifyAudit.run(args, System.out));
        }
        SpringApplication.run(SocialbankApplication.class, args);
    }
}
