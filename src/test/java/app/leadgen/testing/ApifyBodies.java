package app.leadgen.testing;

/** Apify's error envelope, with the types its API answers for each status (contracts §1). */
public final class ApifyBodies {

    private ApifyBodies() {}

    public static String error(int status) {
        String type;
        String message;
        switch (status) {
            case 400 -> {
                type = "run-failed";
                message = "Actor run did not succeed (run ID: 55uatRrZib4xbZs, status: FAILED)";
            }
            case 401 -> {
                type = "user-or-token-not-found";
                message = "User was not found or authentication token is not valid";
            }
            case 402 -> {
                type = "not-enough-usage-to-run-paid-actor";
                message = "By launching this job you will exceed the memory limit of 8192MB";
            }
            case 403 -> {
                type = "platform-feature-disabled";
                message = "Monthly usage hard limit exceeded";
            }
            case 408 -> {
                type = "run-timeout-exceeded";
                message = "Actor run exceeded timeout of 300 seconds for this API endpoint";
            }
            case 429 -> {
                type = "rate-limit-exceeded";
                message = "You have exceeded the rate limit of 30 requests per second";
            }
            default -> {
                type = "internal-server-error";
                message = "Internal server error";
            }
        }
        return "{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }
}
