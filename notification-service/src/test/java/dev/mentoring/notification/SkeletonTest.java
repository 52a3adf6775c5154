package dev.mentoring.notification;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.mentoring.plumbing.testing.SkeletonRules;

/** The skeleton of docs/architecture.md, enforced on this service's classes. */
class SkeletonTest {

    @TestFactory
    Stream<DynamicTest> skeleton() {
        return SkeletonRules.check("dev.mentoring.notification");
    }
}
