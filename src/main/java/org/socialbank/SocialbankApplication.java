package org.socialbank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SocialbankApplication {
    public static void main(String[] args) {
        SpringApplication.run(SocialbankApplication.class, args);
    }
}
