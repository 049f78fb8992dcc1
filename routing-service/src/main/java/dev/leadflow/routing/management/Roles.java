package dev.leadflow.routing.management;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The Leadflow roles (JWT {@code groups}), and who a token speaks for in the model's history. */
final class Roles {

    static final String VIEWER = "leadflow-viewer";
    static final String ADMIN = "leadflow-admin";

    private Roles() {
    }

    /** The token's subject, else its principal name. */
    static String actor(JsonWebToken token) {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }
}
