import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Gives the local broker the topics, SCRAM users and ACLs of the Kubernetes manifests, as Strimzi's operators would
 * in a cluster: reads the plan of deploy/local/kafka/plan on stdin (one JVM for all of it). Topics get 3 partitions
 * here (one broker); an existing topic, user or ACL is left as it is.
 *
 *   java -cp '<kafka lib>/*' Provision.java <bootstrap server> < plan
 */
public class Provision {

    public static void main(String[] args) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        BufferedReader plan = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = plan.readLine()) != null; ) {
            String[] f = line.trim().split("\\s+");
            switch (f[0]) {
                case "topic" -> topics.add(new NewTopic(f[1], 3, (short) 1));
                case "user" -> users.add(new UserScramCredentialUpsertion(f[1],
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), f[2]));
                case "acl" -> acls.add(new AclBinding(
                        new ResourcePattern(ResourceType.valueOf(f[2].toUpperCase(Locale.ROOT)), f[3],
                                f[4].equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL),
                        new AccessControlEntry("User:" + f[1], "*", AclOperation.valueOf(f[5].toUpperCase(Locale.ROOT)),
                                AclPermissionType.ALLOW)));
                default -> throw new IllegalArgumentException("unknown plan line: " + line);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            for (var created : admin.createTopics(topics).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            if (!users.isEmpty()) {
                admin.alterUserScramCredentials(users).all().get();
            }
            admin.createAcls(acls).all().get();
        }
        System.out.printf("    %d topics, %d SCRAM users, %d ACLs%n", topics.size(), users.size(), acls.size());
    }
}
