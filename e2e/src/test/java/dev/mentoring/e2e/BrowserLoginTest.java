package dev.mentoring.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The sign-in the people's apps use, in a real browser: headless Chromium (Debian's chromium and chromium-driver,
 * driven by Selenium) through the authorization code flow with PKCE (S256) of the public client {@code mentoring-app}
 * on the real Keycloak login page, to an app's redirect URI served here; the code exchanged with its verifier; the
 * token used at the gateway; a wrong verifier, a reused code and a request without PKCE refused; a refresh; a
 * logout that ends the session. And the gateway's Swagger UI signing a person in the same way (Authorize).
 */
class BrowserLoginTest {

    private static final String KEYCLOAK = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
    private static final String OIDC = KEYCLOAK + "/realms/mentoring/protocol/openid-connect";
    private static final String CLIENT = "mentoring-app";
    private static final String PERSON = "acme-mentee1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebDriver browser;
    private HttpServer app;
    private String redirectUri;
    private final BlockingQueue<Map<String, String>> callbacks = new ArrayBlockingQueue<>(10);
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        // the app's redirect URI: records what Keycloak sends back, answers a page as an app would
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/callback", exchange -> {
            callbacks.add(query(exchange.getRequestURI().getRawQuery()));
            byte[] page = "<html><body><h1 id=\"app\">Back in the app</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        app.createContext("/", exchange -> { // the browser's other asks (its favicon): nothing here
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        app.start();
        redirectUri = "http://127.0.0.1:" + app.getAddress().getPort() + "/callback";

        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        // as this machine's notes say: no sandbox as root, and no background connections to Google's hosts
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1024",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop(0);
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void anAppSignsAPersonInWithAuthorizationCodeAndPkceInARealBrowser() throws Exception {
        String verifier = verifier();
        String state = verifier().substring(0, 16);
        browser.get(authorizationUrl(challenge(verifier), state));
        signIn(PERSON);
        Map<String, String> callback = callback();
        assertThat(callback).containsEntry("state", state).containsKey("code");
        assertThat(new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("app"))).getText())
                .isEqualTo("Back in the app");
        String code = callback.get("code");

        // the app exchanges the code with its verifier; the token is a person's token of this tenant
        ExtractableResponse<Response> tokens = exchange(code, verifier);
        assertThat(tokens.statusCode()).as(tokens.asString()).isEqualTo(200);
        String accessToken = tokens.path("access_token");
        Map<String, Object> claims = claims(accessToken);
        assertThat(claims).containsEntry("azp", CLIENT).containsEntry("tenant", "acme").containsKey("employee_id");
        assertThat(String.valueOf(claims.get("aud"))).contains("mentoring-api");
        assertThat(apiStatus(accessToken)).as("the token at the gateway").isIn(200, 404);

        // the refresh token gives a new access token that the gateway takes
        ExtractableResponse<Response> refreshed = refresh(tokens.path("refresh_token"));
        assertThat(refreshed.statusCode()).as(refreshed.asString()).isEqualTo(200);
        assertThat(refreshed.<String>path("access_token")).isNotEqualTo(accessToken);
        assertThat(apiStatus(refreshed.path("access_token"))).isIn(200, 404);

        // the same code again is refused, and what it gave is revoked (a stolen code replayed ends the app's session)
        ExtractableResponse<Response> reused = exchange(code, verifier);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.<String>path("error")).isEqualTo("invalid_grant");
        assertThat(refresh(refreshed.path("refresh_token")).statusCode()).as("refresh after the code was replayed").isEqualTo(400);

        // without PKCE the public client gets no code at all
        browser.get(OIDC + "/auth?client_id=" + CLIENT + "&response_type=code&scope=openid&state=" + state
                + "&redirect_uri=" + encode(redirectUri));
        assertThat(callback()).containsEntry("error", "invalid_request").doesNotContainKey("code");

        // the browser's session signs the person in again without the form
        String secondVerifier = verifier();
        browser.get(authorizationUrl(challenge(secondVerifier), state));
        ExtractableResponse<Response> current = exchange(callback().get("code"), secondVerifier);
        assertThat(current.statusCode()).as(current.asString()).isEqualTo(200);
        assertThat(given().header("Authorization", "Bearer " + current.<String>path("access_token")).get(OIDC + "/userinfo")
                .statusCode()).as("Keycloak knows the session").isEqualTo(200);

        // logout in the browser (RP-initiated, back to the app): the session ends, its refresh token is refused, and
        // the next sign-in asks for the password again
        browser.get(OIDC + "/logout?client_id=" + CLIENT + "&id_token_hint=" + current.<String>path("id_token")
                + "&post_logout_redirect_uri=" + encode(redirectUri));
        assertThat(callback()).doesNotContainKey("code");
        ExtractableResponse<Response> afterLogout = refresh(current.path("refresh_token"));
        assertThat(afterLogout.statusCode()).isEqualTo(400);
        assertThat(afterLogout.<String>path("error")).isEqualTo("invalid_grant");
        assertThat(given().header("Authorization", "Bearer " + current.<String>path("access_token")).get(OIDC + "/userinfo")
                .statusCode()).as("Keycloak no longer knows the session").isEqualTo(401);
        browser.get(authorizationUrl(challenge(verifier()), state));
        assertThat(new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).isDisplayed())
                .as("the login form again").isTrue();
        assertThat(callbacks.poll()).isNull();

        // signing in again gives a code that is good only with its own verifier
        signIn(PERSON);
        Map<String, String> again = callback();
        assertThat(again).containsKey("code");
        ExtractableResponse<Response> wrongVerifier = exchange(again.get("code"), verifier());
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(wrongVerifier.<String>path("error")).isEqualTo("invalid_grant");
    }

    @Test
    void theSwaggerUiAtTheGatewaySignsAPersonInTheSameWay() throws Exception {
        browser.get(Platform.GATEWAY + "/swagger-ui");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
        // the openIdConnect scheme's dialog: the client id is filled in (mentoring-app); Authorize opens Keycloak's page
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
        String main = browser.getWindowHandle();
        WebElement authorize = dialog.findElement(By.cssSelector("button.authorize"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", authorize);
        authorize.click();
        wait.until(driver -> driver.getWindowHandles().size() > 1);
        for (String handle : browser.getWindowHandles()) {
            if (!handle.equals(main)) {
                browser.switchTo().window(handle);
            }
        }
        signIn(PERSON);
        // the page closes itself once it has handed the code back; Swagger UI exchanges it with its verifier
        wait.until(driver -> driver.getWindowHandles().size() == 1);
        browser.switchTo().window(main);
        // signed in: the dialog offers Logout where it offered Authorize
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'auth-container')]//button[normalize-space()='Logout']")));
        browser.findElement(By.cssSelector(".modal-ux .close-modal")).click();
        // "Try it out" on the person's own profile: Swagger UI sends the token it got, and shows the call as curl
        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-Participants-getMyProfile")));
        click(operation.findElement(By.cssSelector(".opblock-summary")));
        click(wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(operation, By.cssSelector("button.try-out__btn"))));
        click(wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(operation, By.cssSelector("button.execute"))));
        WebElement status = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(operation,
                By.cssSelector(".live-responses-table .response .response-col_status")));
        assertThat(status.getText().trim()).as("the answer Swagger UI shows").isIn("200", "404");
        String curl = operation.findElement(By.cssSelector(".curl-command")).getText();
        java.util.regex.Matcher bearer = java.util.regex.Pattern.compile("Authorization: Bearer ([A-Za-z0-9._-]+)").matcher(curl);
        assertThat(bearer.find()).as("Swagger UI sent a bearer token: " + curl).isTrue();
        Map<String, Object> claims = claims(bearer.group(1));
        assertThat(claims).containsEntry("azp", CLIENT).containsEntry("tenant", "acme");
        assertThat(apiStatus(bearer.group(1))).isIn(200, 404);
    }

    private void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void signIn(String username) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
    }

    private Map<String, String> callback() throws InterruptedException {
        Map<String, String> callback = callbacks.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(callback).as("Keycloak sent the browser back to the app (now at " + browser.getCurrentUrl() + ")").isNotNull();
        return callback;
    }

    private String authorizationUrl(String challenge, String state) {
        return OIDC + "/auth?client_id=" + CLIENT + "&response_type=code&scope=openid&state=" + state
                + "&redirect_uri=" + encode(redirectUri) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static ExtractableResponse<Response> refresh(String refreshToken) {
        return given().formParam("grant_type", "refresh_token").formParam("client_id", CLIENT).formParam("refresh_token", refreshToken)
                .post(OIDC + "/token").then().extract();
    }

    private ExtractableResponse<Response> exchange(String code, String verifier) {
        return given().formParam("grant_type", "authorization_code").formParam("client_id", CLIENT).formParam("code", code)
                .formParam("redirect_uri", redirectUri).formParam("code_verifier", verifier).post(OIDC + "/token").then().extract();
    }

    /** The person's profile through the gateway: 200, or 404 if they have none yet; never 401 or 403. */
    private static int apiStatus(String accessToken) {
        return given().baseUri(Platform.GATEWAY).header("Authorization", "Bearer " + accessToken)
                .get("/api/v1/matching/participants/me").statusCode();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) throws IOException {
        byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
    }

    private static String verifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
