package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How long this application's access and refresh tokens live (DESIGN §6: access 5 min default). */
@Embeddable
public class TokenLifetimes {

    public static final int DEFAULT_ACCESS_SECONDS = 300;
    public static final int DEFAULT_REFRESH_SECONDS = 86_400;
    public static final int MAX_ACCESS_SECONDS = 3_600;
    public static final int MIN_REFRESH_SECONDS = 60;
    public static final int MAX_REFRESH_SECONDS = 31_536_000;
    public static final int DEFAULT_GRANT_SECONDS = 2_592_000;

    @Column(name = "access_token_seconds", nullable = false)
    private int accessTokenSeconds;

    @Column(name = "refresh_token_seconds", nullable = false)
    private int refreshTokenSeconds;

    /** The absolute lifetime of a grant: refresh rotation never extends it (DESIGN §6). */
    @Column(name = "grant_lifetime_seconds", nullable = false)
    private int grantSeconds;

    protected TokenLifetimes() {}

    public TokenLifetimes(Integer accessTokenSeconds, Integer refreshTokenSeconds) {
        this(accessTokenSeconds, refreshTokenSeconds, null);
    }

    public TokenLifetimes(Integer accessTokenSeconds, Integer refreshTokenSeconds, Integer grantSeconds) {
        int access = accessTokenSeconds == null ? DEFAULT_ACCESS_SECONDS : accessTokenSeconds;
        int refresh = refreshTokenSeconds == null ? DEFAULT_REFRESH_SECONDS : refreshTokenSeconds;
        int grant = grantSeconds == null ? Math.max(DEFAULT_GRANT_SECONDS, refresh) : grantSeconds;
        if (grant < refresh || grant > MAX_REFRESH_SECONDS) {
            throw new InvalidInputException(
                    "grantLifetimeSeconds",
                    "A grant lives at least as long as its refresh tokens and at most " + MAX_REFRESH_SECONDS
                            + " seconds.");
        }
        this.grantSeconds = grant;
        if (access < 1 || access > MAX_ACCESS_SECONDS) {
            throw new InvalidInputException(
                    "accessTokenSeconds", "Access tokens live 1 to " + MAX_ACCESS_SECONDS + " seconds.");
        }
        if (refresh < MIN_REFRESH_SECONDS || refresh > MAX_REFRESH_SECONDS) {
            throw new InvalidInputException(
                    "refreshTokenSeconds",
                    "Refresh tokens live " + MIN_REFRESH_SECONDS + " to " + MAX_REFRESH_SECONDS + " seconds.");
        }
        this.accessTokenSeconds = access;
        this.refreshTokenSeconds = refresh;
    }

    public int accessTokenSeconds() {
        return accessTokenSeconds;
    }

    public int refreshTokenSeconds() {
        return refreshTokenSeconds;
    }

    public int grantSeconds() {
        return grantSeconds;
    }
}
