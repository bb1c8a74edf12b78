package app.leadgen.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Limits of a request that got in: a body other than a file upload is at most {@code maxBody}
 * (1 MB; 413 when its length says so, a cut-off read otherwise), uploads follow {@code
 * spring.servlet.multipart.*} (sized for a CSV import of 100 MB), and one caller has at most {@code
 * exportsPerUser} exports running at once (429 with {@code Retry-After}).
 */
class RequestLimits extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 10;
    private static final List<PathPattern> EXPORTS = AccessPolicy.MEMBER_TO_READ.stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final SecurityProperties properties;
    private final Problems problems;
    private final Map<String, Semaphore> exports = new ConcurrentHashMap<>();

    RequestLimits(SecurityProperties properties, Problems problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = properties.maxBody().toBytes();
        boolean upload = request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (!upload && request.getContentLengthLong() > max) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "problem.accounts.body-too-large", max);
            return;
        }
        HttpServletRequest limited = upload ? request : new Capped(request, max);
        if (!isExport(request)) {
            chain.doFilter(limited, response);
            return;
        }
        Semaphore slots = exports.computeIfAbsent(callerName(), k -> new Semaphore(properties.exportsPerUser()));
        if (!slots.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "problem.accounts.exports",
                    properties.exportsPerUser());
            return;
        }
        try {
            chain.doFilter(limited, response);
        } finally {
            slots.release();
        }
    }

    private static boolean isExport(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return EXPORTS.stream().anyMatch(p -> p.matches(path));
    }

    private static String callerName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "" : auth.getName();
    }

    /** A request whose body stream ends with an error after {@code max} bytes (a body sent without its length). */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            throw new IOException("request body larger than " + max + " bytes");
                        }
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
    }
}
