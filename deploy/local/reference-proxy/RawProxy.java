import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * What a proxied request costs with nothing but the stack: a raw Vert.x reverse proxy (the version Quarkus pins, on
 * epoll as the gateway is) that strips a prefix, copies the headers both ways and streams the bodies, with no token
 * check, rate limit, metrics, traces or routing table. deploy/local/bench puts it where the gateway is measured, so that
 * the gateway's figure can be read against what a proxy on the same machine reaches at all (README.md, Benchmarks).
 * Not part of the platform: run with {@code java -cp <vertx-core and netty's epoll> RawProxy.java}.
 *
 * <p>System properties: {@code port} (8095), {@code upstream} (the service's port, 8081), {@code prefix}
 * ({@code /api/v1/matching}), {@code instances} (event loops, one per CPU).
 */
public class RawProxy extends AbstractVerticle {

    private static final int PORT = Integer.getInteger("port", 8095);
    private static final int UPSTREAM = Integer.getInteger("upstream", 8081);
    private static final String PREFIX = System.getProperty("prefix", "/api/v1/matching");

    private HttpClient client;

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        int instances = Integer.getInteger("instances", Runtime.getRuntime().availableProcessors());
        vertx.deployVerticle(RawProxy::new, new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.printf("raw proxy on %d to %d, epoll %s%n", PORT, UPSTREAM,
                        vertx.isNativeTransportEnabled()))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public void start(Promise<Void> started) {
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(UPSTREAM),
                new PoolOptions().setHttp1MaxSize(100));
        vertx.createHttpServer().requestHandler(this::forward).listen(PORT).<Void>mapEmpty().onComplete(started);
    }

    private void forward(HttpServerRequest request) {
        request.pause();
        String uri = request.uri().startsWith(PREFIX) ? request.uri().substring(PREFIX.length()) : request.uri();
        client.request(new RequestOptions().setMethod(request.method()).setURI(uri))
                .compose(upstream -> {
                    upstream.headers().setAll(request.headers()).remove("connection");
                    return upstream.send(request);
                })
                .onSuccess(answer -> {
                    var response = request.response().setStatusCode(answer.statusCode());
                    response.headers().setAll(answer.headers()).remove("connection");
                    response.send(answer);
                })
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }
}
