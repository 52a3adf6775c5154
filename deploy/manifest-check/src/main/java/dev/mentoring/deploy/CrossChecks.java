package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The cross-checks of one rendered overlay against itself and against the code; each returns its findings (empty:
 * nothing wrong). The production overlay (named {@code production}) gets the production-only checks too.
 */
public final class CrossChecks {

    public static final String PRODUCTION = "production";

    private final CodeTopology code;

    public CrossChecks(CodeTopology code) {
        this.code = code;
    }

    public CodeTopology code() {
        return code;
    }

    /** Every cross-check. */
    public List<Finding> all(ManifestSet set, String deployDoc) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(references(set));
        findings.addAll(requiredSecretsDocumented(set, deployDoc));
        findings.addAll(selectorsAndPorts(set));
        findings.addAll(addresses(set));
        findings.addAll(kafka(set));
        findings.addAll(databases(set));
        findings.addAll(hardening(set));
        findings.addAll(productionRealm(set));
        return findings;
    }

    /** (a) Secrets and ConfigMaps referred to exist, are made by operators or are listed in required-secrets.txt. */
    public List<Finding> references(ManifestSet set) {
        List<Finding> findings = new ArrayList<>(ReferenceCheck.check(set));
        if (isProduction(set)) {
            findings.addAll(ReferenceCheck.noCommittedSecrets(set));
        }
        return findings;
    }

    /** (a) Every Secret of required-secrets.txt is explained in docs/deploy.md (its text; null when it is missing). */
    public List<Finding> requiredSecretsDocumented(ManifestSet set, String deployDoc) {
        return ReferenceCheck.documented(set, deployDoc);
    }

    /** (b) Services, HPAs, PDBs, NetworkPolicies, monitors and probes select and target what exists. */
    public List<Finding> selectorsAndPorts(ManifestSet set) {
        return SelectorCheck.check(set);
    }

    /** (b) Hosts, ports, routes between services and mounted files the configuration names exist. */
    public List<Finding> addresses(ManifestSet set) {
        return AddressCheck.check(set, code);
    }

    /** (c) Topics, partitions, retention and ACLs against the code (overlays with a Kafka). */
    public List<Finding> kafka(ManifestSet set) {
        return KafkaCheck.check(set, code);
    }

    /** (d) Every service's database, owner role and connection. */
    public List<Finding> databases(ManifestSet set) {
        return DatabaseCheck.check(set, code);
    }

    /** (e) Probes, resources, securityContext, images; in production HPA, PDB and NetworkPolicy for each. */
    public List<Finding> hardening(ManifestSet set) {
        return HardeningCheck.check(set, code, isProduction(set));
    }

    /** (f) The production realm has no users, no password-grant or test client, no demo secrets. */
    public List<Finding> productionRealm(ManifestSet set) {
        return isProduction(set) ? RealmCheck.check(set) : List.of();
    }

    static boolean isProduction(ManifestSet set) {
        return PRODUCTION.equals(set.overlay());
    }
}
