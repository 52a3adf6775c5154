package dev.mentoring.notification;

import dev.mentoring.plumbing.testing.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {
}
