package org.qualitymonth.assistant.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.qualitymonth.assistant.AssistantApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, shared by every test class that carries this
 * annotation: the same configuration means Spring's test context cache starts it once per
 * test JVM. It runs on its own copy of the intent files and its own data directory
 * ({@link TestDataDirectory}). Tests that need other settings, or a restart, start their
 * own with {@link RunningApp#start}; tests that count query-log rows clear it first
 * ({@link QueryLogFixture}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = AssistantApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDataDirectory.class)
@Import(SharedTestConfiguration.class)
public @interface AppTest {

}
