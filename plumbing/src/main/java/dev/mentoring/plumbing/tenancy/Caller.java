package dev.mentoring.plumbing.tenancy;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, taken only from the validated bearer token: the tenant (organisation) every record
 * belongs to, the token subject, the HR employee id and the realm roles. Repositories take the tenant
 * from here and from nowhere else, so nothing a caller sends can move a query to another tenant.
 */
@RequestScoped
public class Caller {

    /** Token claim that carries the tenant. */
    public static final String TENANT_CLAIM = "tenant";
    /** Token claim that carries the HR employee id of a person (absent for machine clients). */
    public static final String EMPLOYEE_ID_CLAIM = "employee_id";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The caller's tenant; a request without one never gets this far (see {@link TenantClaimRequired}). */
    public String tenant() {
        return textClaim(token, TENANT_CLAIM)
                .orElseThrow(() -> new UnauthorizedException("the token carries no tenant"));
    }

    /** The token subject: the identity provider's stable id of the person or machine client. */
    public String subject() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException("the token carries no subject");
        }
        return subject;
    }

    /** The HR employee id of a person; empty for machine clients. */
    public Optional<String> employeeId() {
        return textClaim(token, EMPLOYEE_ID_CLAIM);
    }

    /** The OAuth client the token was issued to ({@code azp}). */
    public Optional<String> client() {
        return textClaim(token, "azp");
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** A claim as non-blank text, whether the token library hands it over as a String or a JSON string. */
    static Optional<String> textClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
