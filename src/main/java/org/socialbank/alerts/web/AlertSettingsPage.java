package org.socialbank.alerts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.alerts.AlertSettings;
import org.socialbank.alerts.Alerts;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerSettings;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.web.PageSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The customer's alert settings on the bank's page (issue 17, 1.11), opened by the link her chat
 * sent ("alert settings"): alerts on or off per kind, the minimum, the chat they go to, each at
 * once or a daily or weekly digest, and quiet hours, read in her zone. It speaks her language
 * (issue 13: a {@code ?lang=} chosen here becomes her language in the chats too). Never cached; an
 * unknown or expired link says so and shows nothing.
 */
@Controller
class AlertSettingsPage {

    private final Alerts alerts;
    private final Directory directory;
    private final ChannelIdentities identities;

    AlertSettingsPage(Alerts alerts, Directory directory, ChannelIdentities identities) {
        this.alerts = alerts;
        this.directory = directory;
        this.identities = identities;
    }

    @GetMapping("/alert-settings/{token}")
    String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        Optional<CustomerId> customer = alerts.pageCustomer(token);
        if (customer.isEmpty()) {
            return expired(response, model);
        }
        Language.fromTag(String.valueOf(request.getParameter("lang")))
                .ifPresent(language -> directory.chooseLanguage(customer.get(), language));
        Locale locale = speak(request, customer.get());
        AlertSettings settings = alerts.settings(customer.get());
        return form(
                model,
                token,
                AlertSettingsForm.of(settings, currency(customer.get()), locale),
                settings,
                locale,
                customer.get(),
                null,
                false);
    }

    @PostMapping("/alert-settings/{token}")
    String save(
            @PathVariable String token,
            @ModelAttribute AlertSettingsForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        Optional<CustomerId> customer = alerts.pageCustomer(token);
        if (customer.isEmpty()) {
            return expired(response, model);
        }
        Locale locale = speak(request, customer.get());
        AlertSettings current = alerts.settings(customer.get());
        AlertSettingsForm.Read read = form.over(current, currency(customer.get()), linked(customer.get()));
        if (read instanceof AlertSettingsForm.Invalid invalid) {
            return form(model, token, form, current, locale, customer.get(), invalid.code(), false);
        }
        AlertSettings saved = alerts.save(((AlertSettingsForm.Valid) read).settings());
        return form(
                model,
                token,
                AlertSettingsForm.of(saved, currency(customer.get()), locale),
                saved,
                locale,
                customer.get(),
                null,
                true);
    }

    private String form(
            Model model,
            String token,
            AlertSettingsForm form,
            AlertSettings settings,
            Locale locale,
            CustomerId customer,
            String invalid,
            boolean saved) {
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("currency", currency(customer).code());
        model.addAttribute("zone", settings.zone().getId());
        model.addAttribute("channels", linked(customer));
        model.addAttribute("invalidKey", invalid == null ? null : "alerts.page.invalid." + invalid);
        model.addAttribute("saved", saved);
        model.addAttribute("lang", locale.getLanguage());
        return "alerts/settings";
    }

    /** The page speaks her language and shows her zone, as every page opened from her chat. */
    private Locale speak(HttpServletRequest request, CustomerId customer) {
        Optional<CustomerSettings> settings = directory.settings(customer);
        settings.ifPresent(s -> PageSettings.use(request, s.language().locale(), s.chosenZone()));
        return settings.map(s -> s.language().locale()).orElse(Locale.ENGLISH);
    }

    /** The private chats she has linked (wire names), where alerts may be sent. */
    private java.util.List<String> linked(CustomerId customer) {
        return identities.linkedChats(customer, Locale.ROOT).stream()
                .map(c -> c.channel().wireName())
                .distinct()
                .toList();
    }

    /** The currency her minimum is read in: her primary account's (as in the chat's "alerts min 100"). */
    private CurrencyCode currency(CustomerId customer) {
        return directory
                .customer(customer)
                .flatMap(v -> v.accounts().stream()
                        .filter(CustomerView.HeldAccount::primary)
                        .findFirst())
                .flatMap(a -> CurrencyCode.find(a.currency()))
                .orElse(CurrencyCode.of("EUR"));
    }

    private static String expired(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("titleKey", "alerts.page.title");
        model.addAttribute("bodyKey", "alerts.page.expired");
        return "message";
    }
}
