package dev.mentoring.plumbing.tenancy;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

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

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The caller's tenant; a request without one never gets this far (see {@link TenantClaimRequired}). */
    public String tenant() {
        return TokenClaims.text(token, TokenClaims.TENANT)
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
        return TokenClaims.text(token, TokenClaims.EMPLOYEE_ID);
    }

    /** The OAuth client the token was issued to ({@code azp}). */
    public Optional<String> client() {
        return TokenClaims.text(token, TokenClaims.AUTHORIZED_PARTY);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }
}
