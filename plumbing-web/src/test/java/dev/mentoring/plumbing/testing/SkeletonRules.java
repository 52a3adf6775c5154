package dev.mentoring.plumbing.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The skeleton every service follows (docs/architecture.md), as rules each service runs on its own classes:
 * <pre>
 * class SkeletonTest { &#64;TestFactory Stream&lt;DynamicTest&gt; skeleton() { return SkeletonRules.check("dev.mentoring.matching"); } }
 * </pre>
 * {@code api} (resources, views) -> {@code application} (use cases, the only transactions) -> {@code domain} (plain
 * Java rules) and {@code persistence} (entities, repositories, every query); {@code events} holds publishers (called by
 * {@code application}) and consumers (which call {@code application}).
 */
public final class SkeletonRules {

    private static final String API = "..api..";
    private static final String APPLICATION = "..application..";
    private static final String DOMAIN = "..domain..";
    private static final String PERSISTENCE = "..persistence..";
    private static final String EVENTS = "..events..";
    /** The plain-Java exceptions a domain throws for a broken rule (plumbing-web answers them). */
    static final String RULES = "dev.mentoring.plumbing.rules";

    /** A consumer: a class with a method that reads a channel. */
    static final DescribedPredicate<JavaClass> CONSUMER = DescribedPredicate.describe("consumers (classes with an @Incoming method)",
            c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")));

    public static final ArchRule useCasesReturnNoViews = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAPackage(API)
            .because("application returns domain or result types; api maps them to views");

    public static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..", "org.hibernate..",
                    "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..", "org.eclipse.microprofile..",
                    API, APPLICATION, PERSISTENCE, EVENTS)
            .orShould().dependOnClassesThat(DescribedPredicate.describe("plumbing other than its plain-Java rules",
                    c -> c.getPackageName().startsWith("dev.mentoring.plumbing") && !c.getPackageName().equals(RULES)))
            .because("rules are plain Java, tested without Quarkus, and know nothing of HTTP, storage or messaging");

    public static final ArchRule persistenceKnowsNoCallers = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(API, APPLICATION, EVENTS);

    public static final ArchRule resourcesCallUseCasesNotStorage = noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(EVENTS, "io.vertx.mutiny.sqlclient..", "org.hibernate.reactive..")
            .because("a resource maps HTTP to a use case and back");

    public static final ArchRule transactionsOnlyInApplication = noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage(APPLICATION)
            .should().beAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithTransaction")
            .orShould().beAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithSession")
            .orShould().beAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithSessionOnDemand")
            .orShould().beAnnotatedWith("jakarta.transaction.Transactional")
            .because("a use case owns its transaction, by annotation, and nothing else opens one");

    public static final ArchRule transactionalClassesOnlyInApplication = noClasses().that().resideOutsideOfPackage(APPLICATION)
            .should().beAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithTransaction")
            .orShould().beAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithSession")
            .orShould().beAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithSessionOnDemand")
            .orShould().beAnnotatedWith("jakarta.transaction.Transactional")
            .because("a use case owns its transaction; a class-wide annotation elsewhere would open one too");

    public static final ArchRule noTransactionsInCode = noClasses()
            .should().callMethodWhere(target("io.quarkus.hibernate.reactive.panache.Panache", Set.of("withTransaction", "withSession")))
            .orShould().callMethodWhere(target("org.hibernate.reactive.mutiny.Mutiny$SessionFactory",
                    Set.of("withTransaction", "withSession", "withStatelessTransaction", "withStatelessSession")))
            .because("transactions are written one way: @WithTransaction or @WithSession on a use case");

    public static final ArchRule queriesOnlyInPersistence = noClasses().that().resideOutsideOfPackage(PERSISTENCE)
            .should().callMethodWhere(target("io.quarkus.hibernate.reactive.panache.PanacheEntityBase", Set.of("find", "findAll",
                    "findById", "list", "listAll", "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update",
                    "getSession")))
            .orShould().callMethodWhere(target("io.quarkus.hibernate.reactive.panache.Panache", Set.of("getSession")))
            .orShould().callMethodWhere(stringQuery("io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase",
                    Set.of("find", "list", "stream", "count", "delete", "update")))
            .orShould().callMethodWhere(target("org.hibernate.reactive.mutiny.Mutiny$Session", Set.of("createQuery",
                    "createNativeQuery", "createSelectionQuery", "createMutationQuery", "createNamedQuery", "find")))
            .orShould().callMethodWhere(target("io.vertx.mutiny.sqlclient.SqlClient", Set.of("query", "preparedQuery")))
            .orShould().callMethodWhere(target("io.vertx.mutiny.sqlclient.Pool", Set.of("query", "preparedQuery", "withTransaction",
                    "withConnection")))
            .because("every query lives in a repository in persistence");

    public static final ArchRule timeFromTheInjectedClock = noClasses()
            .should().callMethodWhere(target(Clock.class.getName(), Set.of("systemUTC", "systemDefaultZone")))
            .orShould().callMethodWhere(noArgumentNow(Instant.class)).orShould().callMethodWhere(noArgumentNow(OffsetDateTime.class))
            .orShould().callMethodWhere(noArgumentNow(LocalDate.class)).orShould().callMethodWhere(noArgumentNow(LocalDateTime.class))
            .orShould().callMethodWhere(noArgumentNow(ZonedDateTime.class))
            .orShould().callMethodWhere(target(System.class.getName(), Set.of("currentTimeMillis")))
            .because("a service reads time from its one injected Clock, so that tests can move it");

    public static final ArchRule publishersDoNotCallUseCases = noClasses().that().resideInAPackage(EVENTS).and(DescribedPredicate.not(CONSUMER))
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, API)
            .because("a publisher maps a change to the contract's payload; use cases call it");

    public static final ArchRule useCasesDoNotCallConsumers = noClasses().that().resideOutsideOfPackage(EVENTS)
            .should().dependOnClassesThat(CONSUMER)
            .because("consumers call use cases, never the other way round");

    public static final ArchRule consumersLiveInEvents = classes().that(CONSUMER).should().resideInAPackage(EVENTS)
            .andShould().dependOnClassesThat().haveFullyQualifiedName("dev.mentoring.plumbing.inbox.EventDispatch")
            .because("every consumer reads through the one dispatcher: event type to handler");

    public static final ArchRule useCasesNamedInTheDomainsPlural = classes().that().resideInAPackage(APPLICATION)
            .and().areTopLevelClasses().and().arePublic().and().areNotInterfaces().and().areNotRecords()
            .should().haveSimpleNameEndingWith("s")
            .andShould().haveSimpleNameNotEndingWith("Service").andShould().haveSimpleNameNotEndingWith("Manager")
            .andShould().haveSimpleNameNotEndingWith("Helper").andShould().haveSimpleNameNotEndingWith("Utils")
            .because("use-case classes are named by what they manage, in the domain's plural: Agreements, Sessions, Evaluations");

    public static final ArchRule resourcesAreInApi = classes().that().areAnnotatedWith("jakarta.ws.rs.Path").should().resideInAPackage(API);

    public static final ArchRule entitiesAreInPersistence = classes().that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().resideInAPackage(PERSISTENCE);

    /** Every rule above. */
    public static final List<ArchRule> ALL = List.of(useCasesReturnNoViews, domainIsPlainJava, persistenceKnowsNoCallers,
            resourcesCallUseCasesNotStorage, transactionsOnlyInApplication, transactionalClassesOnlyInApplication, noTransactionsInCode, queriesOnlyInPersistence,
            timeFromTheInjectedClock, publishersDoNotCallUseCases, useCasesDoNotCallConsumers, consumersLiveInEvents,
            useCasesNamedInTheDomainsPlural, resourcesAreInApi, entitiesAreInPersistence);

    private SkeletonRules() {
    }

    /** One test per rule over the main classes of a service's base package. */
    public static Stream<DynamicTest> check(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (classes.size() < 5) {
            // a misspelled package would otherwise pass every rule with nothing checked
            throw new IllegalArgumentException("only " + classes.size() + " classes in " + basePackage + ": is it the service's base package?");
        }
        return ALL.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(),
                () -> rule.allowEmptyShould(true).check(classes)));
    }

    private static DescribedPredicate<JavaMethodCall> target(String owner, Set<String> names) {
        return DescribedPredicate.describe(owner + "." + names, call -> names.contains(call.getName())
                && (call.getTargetOwner().getName().equals(owner) || call.getTargetOwner().isAssignableTo(owner)));
    }

    /** A repository's query taking its text (find("..."), update("...")): only a repository method of persistence may write one. */
    private static DescribedPredicate<JavaMethodCall> stringQuery(String owner, Set<String> names) {
        return DescribedPredicate.describe(owner + "." + names + "(String query, ...)", call -> names.contains(call.getName())
                && call.getTargetOwner().isAssignableTo(owner) && !call.getTarget().getRawParameterTypes().isEmpty()
                && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class));
    }

    private static DescribedPredicate<JavaMethodCall> noArgumentNow(Class<?> type) {
        return DescribedPredicate.describe(type.getSimpleName() + ".now() without a clock", call -> call.getName().equals("now")
                && call.getTargetOwner().isEquivalentTo(type) && call.getTarget().getRawParameterTypes().isEmpty());
    }
}
