package org.qualitymonth.assistant.channel.telegram;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Keeps every log line (with stack traces) from its creation on, for checks over a whole
 * test class; {@code OutputCaptureExtension} only shows start-up plus the current test
 * method.
 */
final class LogRecorder extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final PatternLayout layout = new PatternLayout();

	private final Logger root;

	LogRecorder() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		layout.setContext(context);
		layout.setPattern("%level %logger %msg%n%ex");
		layout.start();
		setContext(context);
		setName("test-log-recorder");
		start();
		root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(this);
	}

	@Override
	protected void append(ILoggingEvent event) {
		lines.add(layout.doLayout(event));
	}

	String text() {
		return String.join("", lines);
	}

	@Override
	public void close() {
		root.detachAppender(this);
		stop();
	}

}
