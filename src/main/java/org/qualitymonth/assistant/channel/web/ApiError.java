package org.qualitymonth.assistant.channel.web;

/** The JSON body of every 4xx answer of the API. */
record ApiError(int status, String error, String message) {
}
