# Sourced by tools/test.sh and bench/token-bench.sh: sets PORT_OFFSET to the first of the given
# offsets at which none of WildFly's ports (http, https, management, AJP, transactions) is taken.
# (15432 + offset: the database proxy of the integration tests.)
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port_offset() {
    PORT_OFFSET=""
    local candidate base busy
    for candidate in "$@"; do
        busy=0
        for base in 8080 8443 9990 9993 8009 4712 4713 15432 12525 13525 13625; do
            if port_taken $((base + candidate)); then busy=1; break; fi
        done
        if [ $busy -eq 0 ]; then PORT_OFFSET=$candidate; return 0; fi
    done
    echo "No free port range for a WildFly server (tried offsets $*)." >&2
    return 1
}
