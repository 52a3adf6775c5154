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
 * <p>
 * Within a REST request it answers from the claims taken when the request reached the REST layer ({@link CallerClaims},
 * kept in the request's Vert.x context), so that a continuation without the request context still knows the caller;
 * elsewhere (a test calling a use case directly) from the token.
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
        CallerClaims taken = CallerClaims.ofThisRequest();
        if (taken != null) {
            return taken.tenant();
        }
        return TokenClaims.text(token, TokenClaims.TENANT)
                .orElseThrow(() -> new UnauthorizedException("the token carries no tenant"));
    }

    /** The token subject: the identity provider's stable id of the person or machine client. */
    public String subject() {
        CallerClaims taken = CallerClaims.ofThisRequest();
        String subject = taken != null ? taken.subject() : token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException("the token carries no subject");
        }
        return subject;
    }

    /** The HR employee id of a person; empty for machine clients. */
    public Optional<String> employeeId() {
        CallerClaims taken = CallerClaims.ofThisRequest();
        return taken != null ? Optional.ofNullable(taken.employeeId()) : TokenClaims.text(token, TokenClaims.EMPLOYEE_ID);
    }

    /** The OAuth client the token was issued to ({@code azp}). */
    public Optional<String> client() {
        CallerClaims taken = CallerClaims.ofThisRequest();
        return taken != null ? Optional.ofNullable(taken.client()) : TokenClaims.text(token, TokenClaims.AUTHORIZED_PARTY);
    }

    public boolean hasRole(String role) {
        CallerClaims taken = CallerClaims.ofThisRequest();
        return taken != null ? taken.roles().contains(role) : identity.hasRole(role);
    }

    public Set<String> roles() {
        CallerClaims taken = CallerClaims.ofThisRequest();
        return taken != null ? taken.roles() : identity.getRoles();
    }
}
