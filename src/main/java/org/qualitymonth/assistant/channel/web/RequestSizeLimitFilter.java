package org.qualitymonth.assistant.channel.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@code bot.web.max-body-bytes} before anything parses
 * them: by the declared length at once, and by counting for bodies sent without one
 * (chunked).
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper json;

	RequestSizeLimitFilter(WebSettings settings, JsonMapper json) {
		this.maxBytes = settings.maxBodyBytes();
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			refuse(response);
			return;
		}
		LimitedRequest limited = new LimitedRequest(request, maxBytes);
		try {
			chain.doFilter(limited, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!limited.exceeded() || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(response);
		}
	}

	private void refuse(HttpServletResponse response) throws IOException {
		ApiExceptionHandler.write(response, ApiExceptionHandler.problem(HttpStatus.CONTENT_TOO_LARGE,
				"the request body is larger than " + maxBytes + " bytes"), json);
	}

	/** A request whose body stream fails once more than the limit has been read. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private long read;

		private boolean exceeded;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		boolean exceeded() {
			return exceeded;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream in = super.getInputStream();
				stream = new ServletInputStream() {
					@Override
					public int read() throws IOException {
						int b = in.read();
						count(b < 0 ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return stream;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > limit) {
				exceeded = true;
				throw new IOException("request body over " + limit + " bytes");
			}
		}

	}

}
