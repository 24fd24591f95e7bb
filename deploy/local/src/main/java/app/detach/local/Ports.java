package app.detach.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The port assignment of one stack (immutable) and the check that they are free. */
public final class Ports {

    private final Map<Port, Integer> ports;

    private Ports(Map<Port, Integer> ports) {
        this.ports = Collections.unmodifiableMap(new EnumMap<>(ports));
    }

    public static Ports defaults() {
        Map<Port, Integer> map = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            map.put(port, port.defaultPort());
        }
        return new Ports(map);
    }

    public Ports with(Port port, int number) {
        if (number < 1 || number > 65535) {
            throw new StackException("invalid port " + number + " for " + port.owner() + " (" + port.flag() + ")");
        }
        Map<Port, Integer> copy = new EnumMap<>(ports);
        copy.put(port, number);
        return new Ports(copy);
    }

    public int get(Port port) {
        return ports.get(port);
    }

    /**
     * One line per problem among the given ports: two components configured on the same port, or a
     * port something else already listens on. Empty when all is well.
     */
    public List<String> conflicts(Collection<Port> wanted) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Port> seen = new HashMap<>();
        for (Port port : wanted) {
            int number = get(port);
            Port other = seen.putIfAbsent(number, port);
            if (other != null) {
                problems.add("port " + number + " is configured twice: for " + other.owner() + " and for " + port.owner());
            } else if (!isFree(number)) {
                problems.add("port " + number + " is already in use; " + port.owner()
                        + " needs it (stop whatever uses it or choose another with " + port.flag() + " or " + port.envVar() + ")");
            }
        }
        return problems;
    }

    /**
     * True when nothing listens on the port, on any local address. SO_REUSEADDR stays on so that
     * connections of a stack stopped a moment ago (TIME_WAIT) do not count as a conflict; on Linux
     * a listening socket on an overlapping address still makes the bind fail.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return ports.toString();
    }
}
