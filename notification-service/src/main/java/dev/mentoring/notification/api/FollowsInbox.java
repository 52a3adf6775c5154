package dev.mentoring.notification.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A streaming route whose caller is looked up before the answer starts ({@link CallerLookup}): once a stream's status and
 * headers are sent, a refusal could only break it off.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@interface FollowsInbox {
}
