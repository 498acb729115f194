package org.socialbank.channels.x;

import java.util.regex.Pattern;
import org.socialbank.directory.HandleHolders;
import org.socialbank.shared.Network;
import tools.jackson.databind.JsonNode;

/**
 * Who holds an X handle now, as X's API answers ({@code GET /2/users/by/username/<username>}):
 * the immutable user id that claims and claim links are bound to, since a {@code screen_name} in
 * a webhook event only says what the event says (security review #1 and #16).
 */
final class XHandleHolders implements HandleHolders {

    /** What X allows in a username; anything else cannot be anyone's. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,15}");

    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,19}");

    private final XApi api;

    XHandleHolders(XApi api) {
        this.api = api;
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public Holder holder(String handle) {
        String username = handle != null && handle.startsWith("@") ? handle.substring(1) : handle;
        if (username == null || !USERNAME.matcher(username).matches()) {
            return new NoSuchAccount();
        }
        return read(api.userByUsername(username), username);
    }

    static Holder read(XApi.Answer answer, String username) {
        if (answer instanceof XApi.Ok ok) {
            JsonNode data = ok.body().path("data");
            String id = data.path("id").asString("");
            if (USER_ID.matcher(id).matches()
                    && username.equalsIgnoreCase(data.path("username").asString(username))) {
                return new Found(id);
            }
            // 200 with errors: no such user, or one suspended, whom no claim link can reach either
            return ok.body().path("errors").isArray()
                            && !ok.body().path("errors").isEmpty()
                    ? new NoSuchAccount()
                    : new Unknown("x: an answer without a user id");
        }
        if (answer instanceof XApi.Refused refused) { // even a 404: a wrong api-base-url must not refuse every payee
            return new Unknown(refused.reason());
        }
        if (answer instanceof XApi.Paused paused) {
            return new Unknown("x: users lookup rate limited until " + paused.until());
        }
        return new Unknown(((XApi.NoAnswer) answer).reason());
    }
}
