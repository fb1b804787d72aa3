package io.mlconnector.infor;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every connector log line (DEBUG and up, with throwables) so tests can check that no secret was logged. */
public final class MemoryAppender extends AppenderBase<ILoggingEvent> {
    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        LINES.add(sb.toString());
    }

    public static String all() {
        return String.join("\n", LINES);
    }

    public static int count() {
        return LINES.size();
    }
}
