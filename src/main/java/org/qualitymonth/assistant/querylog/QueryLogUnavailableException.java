package org.qualitymonth.assistant.querylog;

/**
 * The query log database cannot be reached just now; nothing is lost, queries wait in the
 * spool.
 */
public class QueryLogUnavailableException extends RuntimeException {

	QueryLogUnavailableException(Throwable cause) {
		super("the query log database is unavailable: " + SchemaGate.rootMessage(cause), cause);
	}

}
