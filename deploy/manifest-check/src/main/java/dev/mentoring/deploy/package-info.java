/**
 * The manifest check (issue 12, proof 1): every overlay of {@code deploy/k8s/overlays} rendered with
 * {@code kubectl kustomize}, every document validated strictly against the JSON Schemas of {@code ../shared/k8s-schemas}
 * ({@link dev.mentoring.deploy.SchemaCatalog}, {@link dev.mentoring.deploy.StrictSchemas}), and cross-checked against
 * itself and against the code ({@link dev.mentoring.deploy.CrossChecks}, {@link dev.mentoring.deploy.CodeTopology}).
 * Every check returns {@link dev.mentoring.deploy.Finding}s; the module's tests assert there are none for the real
 * overlays and that a planted defect gives exactly one.
 *
 * <p>Run: {@code ./mvnw -B test -pl deploy/manifest-check} (after {@code ./mvnw -B -q install -pl contracts -am -DskipTests}
 * once). Needs {@code kubectl} (1.32, Kustomize 5.5) on PATH or {@code -Dkubectl=<path>}; the schemas at
 * {@code <repo>/../shared/k8s-schemas} or {@code -Dk8s.schemas=<folder>}.
 */
package dev.mentoring.deploy;
