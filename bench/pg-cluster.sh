# Sourced by the benchmark scripts (run as root): a throwaway PostgreSQL cluster in $1 (a directory the caller
# removes), listening on 127.0.0.1:$2 with database socle_bench; further arguments are extra `-c name=value` settings.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
as_pg() { (cd "$PG_CLUSTER_DIR" && runuser -u postgres -- "$@"); }
start_pg_cluster() {
  PG_CLUSTER_DIR=$1
  local port=$2
  shift 2
  local settings="-c listen_addresses=127.0.0.1 -p $port -k $PG_CLUSTER_DIR -c shared_buffers=1GB"
  for setting in "$@"; do settings="$settings -c $setting"; done
  mkdir -p "$PG_CLUSTER_DIR" && chown postgres "$PG_CLUSTER_DIR"
  as_pg "$PGBIN/initdb" -D "$PG_CLUSTER_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/log" -w -t 60 -o "$settings" start >/dev/null
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres socle_bench
}
stop_pg_cluster() {
  [ -n "${PG_CLUSTER_DIR:-}" ] && as_pg "$PGBIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
}
