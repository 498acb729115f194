package org.socialbank.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChatLanguages;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerSettings;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.Language;
import org.socialbank.shared.web.PageSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Issue 13: the page language and the bot's language are one setting. A page opened from a
 * one-time link the bank sent in a chat (sign-in, step-up, unlink) speaks the language of whom it
 * is for, and shows times in her zone: the customer's setting for a step-up or unlink page, the
 * chat's for a sign-in page (its customer's once linked). A language chosen on such a page
 * ({@code ?lang=fa} from the language bar) becomes that setting, so the chat answers in it too.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguages implements WebMvcConfigurer {

    /** The pages whose token says whom they are for; group 1 is the kind, group 2 the token. */
    static final Pattern TOKEN_PAGE =
            Pattern.compile("^/(link|chat/link|confirm|unlink)/([A-Za-z0-9_-]{20,100})(/.*)?$");

    private final JdbcLinking tokens;
    private final OneTimeCodes codes;
    private final Directory directory;
    private final ChannelIdentities identities;
    private final ObjectProvider<ChatLanguages> chats;
    private final Clock clock;

    PageLanguages(
            JdbcLinking tokens,
            OneTimeCodes codes,
            Directory directory,
            ChannelIdentities identities,
            ObjectProvider<ChatLanguages> chats,
            Clock clock) {
        this.tokens = tokens;
        this.codes = codes;
        this.directory = directory;
        this.identities = identities;
        this.chats = chats;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        apply(request);
                        return true;
                    }
                })
                .addPathPatterns("/link/**", "/chat/link/**", "/confirm/**", "/unlink/**");
    }

    void apply(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher page = TOKEN_PAGE.matcher(path);
        if (!page.matches()) {
            return;
        }
        Optional<JdbcLinking.Token> token = tokens.pageOwner(codes.hashToken(page.group(2)), clock.instant());
        if (token.isEmpty()) {
            return; // an unknown or expired token: its page says so in the browser's language
        }
        Optional<Language> asked = "GET".equals(request.getMethod())
                ? Language.fromTag(String.valueOf(request.getParameter("lang")))
                : Optional.empty();
        IdentityId chat = token.get().identityId();
        Optional<CustomerId> customer = chat != null
                ? identities.linkedCustomer(chat)
                : Optional.ofNullable(token.get().customerId());
        if (customer.isPresent()) {
            asked.ifPresent(language -> directory.chooseLanguage(customer.get(), language));
            directory.settings(customer.get()).ifPresent(s -> use(request, s));
            return;
        }
        ChatLanguages languages = chats.getIfAvailable();
        if (chat == null || languages == null) {
            return;
        }
        asked.ifPresent(language -> languages.choose(chat, language));
        languages.chosen(chat).ifPresent(language -> PageSettings.use(request, language.locale(), null));
    }

    private static void use(HttpServletRequest request, CustomerSettings settings) {
        PageSettings.use(request, settings.language().locale(), settings.chosenZone());
    }
}
