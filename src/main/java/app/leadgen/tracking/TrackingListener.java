package app.leadgen.tracking;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The tracking links' own listener ({@code TRACKING_PORT}): a Netty event loop per core that parses
 * HTTP/1.1 and hands the two links to {@link TrackingHandler}, with no servlet container, filter
 * chain or MVC in between. On this project's 2-core benchmark machine it serves the pixel at about
 * 1.5 times the rate of the app's port (docs/benchmarks.md, "Tracking endpoints"). The native epoll
 * transport where Netty has it (Linux on x86-64 and ARM64), Java's NIO elsewhere.
 */
final class TrackingListener implements AutoCloseable {

    /** Request line (the click's URL is in it) and headers: as Tomcat's default of 8 KB. */
    private static final int MAX_LINE = 8192;

    private static final int MAX_HEADERS = 8192;
    /** An idle connection is closed after this long (Tomcat: a minute). */
    private static final int IDLE_SECONDS = 60;
    /** Threads for the answers that wait for the database (a mail not yet cached, a full event queue). */
    private static final int WAITING_THREADS = 4;

    private final EventLoopGroup loops;
    private final EventExecutorGroup waiting;
    private final Channel server;

    private TrackingListener(EventLoopGroup loops, EventExecutorGroup waiting, Channel server) {
        this.loops = loops;
        this.waiting = waiting;
        this.server = server;
    }

    /** Listens, or fails with the reason (say, the port is taken). */
    static TrackingListener start(String host, int port, TrackingLinks links, ForwardedAddress addresses) {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // a debugging aid that samples buffers with a stack trace each; -Dio.netty.leakDetection.level turns it on
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        int cores = Runtime.getRuntime().availableProcessors();
        EventLoopGroup loops =
                new MultiThreadIoEventLoopGroup(cores, new DefaultThreadFactory("tracking-io", true), io);
        EventExecutorGroup waiting =
                new DefaultEventExecutorGroup(WAITING_THREADS, new DefaultThreadFactory("tracking-db", true));
        try {
            Channel server = new ServerBootstrap()
                    .group(loops)
                    .channel(type)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // answers a client does not read are held up to this much before it is read no further
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast(new ReadTimeoutHandler(IDLE_SECONDS, TimeUnit.SECONDS))
                                    .addLast(new HttpServerCodec(MAX_LINE, MAX_HEADERS, MAX_LINE))
                                    .addLast(new TrackingHandler(links, addresses, waiting));
                        }
                    })
                    .bind(new InetSocketAddress(host, port))
                    .sync()
                    .channel();
            return new TrackingListener(loops, waiting, server);
        } catch (Exception e) { // Netty throws the bind's checked exception unchecked
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            waiting.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("TRACKING_PORT " + port + " on " + host + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * Stops taking connections, lets the answers under way finish (two seconds at most): those waiting
     * for the database first, since they hand their answer to an event loop.
     */
    @Override
    public void close() {
        server.close().syncUninterruptibly();
        waiting.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
