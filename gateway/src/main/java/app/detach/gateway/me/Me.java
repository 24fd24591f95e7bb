package app.detach.gateway.me;

import java.util.List;

/** The signed-in user as the web client sees it. {@code userId} is the token's {@code sub}. */
public record Me(String userId, String name, String email, List<String> roles) {
}
