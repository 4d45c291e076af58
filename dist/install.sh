#!/usr/bin/env bash
# ./p1-iota install ROLE: sets a role up as a systemd service (docs/operations.md).
#   - a system user p1iota (no login, no home of its own), in group dialout for the device's serial port
#   - the launcher, the jar and the routes copied to PREFIX (default /opt/p1-iota)
#   - /etc/systemd/system/p1-iota-ROLE.service from dist/systemd/, data in /var/lib/p1-iota/ROLE (0700)
#   - the service enabled and started (unless --no-start)
# --dry-run prints the commands instead; --render DIR only writes the unit files (CI verifies them).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix=/opt/p1-iota
data=/var/lib/p1-iota
user=p1iota
run=
start=yes
render=
roles=()
usage() {
    cat <<USAGE
Usage: ./p1-iota install ROLE... [--prefix DIR] [--no-start] [--dry-run]
       ./p1-iota install --render DIR [ROLE...]
  ROLE        device, myhome, provider or node (node first when the others use the embedded node)
  --prefix    where the launcher, jar and routes go (default /opt/p1-iota)
  --no-start  enable the service for the next boot, do not start it now
  --dry-run   print what would be done
  --render    write the unit files with this checkout as the installation to DIR, nothing else
Data: /var/lib/p1-iota/ROLE (systemd's StateDirectory, owner p1iota, mode 0700). Logs: journalctl -u p1-iota-ROLE.
USAGE
}
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --no-start) start=; shift ;;
        --dry-run) run=echo; shift ;;
        --render) render="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        device|myhome|provider|node) roles+=("$1"); shift ;;
        *) echo "p1-iota install: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

unit_of() { # role prefix -> the unit's text
    sed -e "s#@HOME@#$2#g" -e "s#@DATA@#$data#g" "$home/dist/systemd/p1-iota-$1.service"
}

if [ -n "$render" ]; then
    [ ${#roles[@]} -gt 0 ] || roles=(node device myhome provider)
    mkdir -p "$render"
    for role in "${roles[@]}"; do unit_of "$role" "$home" > "$render/p1-iota-$role.service"; done
    exit 0
fi
if [ ${#roles[@]} -eq 0 ]; then usage >&2; exit 2; fi
if [ -z "$run" ] && [ "$(id -u)" -ne 0 ]; then
    echo "p1-iota install: run as root (sudo ./p1-iota install ${roles[*]}), or add --dry-run to see the commands" >&2
    exit 1
fi
if [ ! -f "$home/app/target/p1-iota.jar" ]; then
    echo "p1-iota install: build the jar first: (cd '$home' && mvn -B -DskipTests package)" >&2
    exit 1
fi
command -v systemctl >/dev/null 2>&1 || { echo "p1-iota install: systemctl not found: this needs systemd" >&2; exit 1; }

if ! id "$user" >/dev/null 2>&1; then
    $run useradd --system --user-group --home-dir "$data" --no-create-home --shell /usr/sbin/nologin "$user"
fi
for role in "${roles[@]}"; do
    if [ "$role" = device ] && getent group dialout >/dev/null; then
        # the unit adds dialout too (SupplementaryGroups); this lets "sudo -u p1iota ./p1-iota p1 parse" read the port
        $run usermod -a -G dialout "$user"
    fi
done
if [ "$prefix" != "$home" ]; then
    $run install -d -m 0755 "$prefix" "$prefix/app/target" "$prefix/docs"
    $run install -m 0755 "$home/p1-iota" "$prefix/p1-iota"
    $run install -m 0644 "$home/app/target/p1-iota.jar" "$prefix/app/target/p1-iota.jar"
    $run install -m 0644 "$home/docs/operations.md" "$prefix/docs/operations.md"
    $run rm -rf "$prefix/routes"
    $run cp -r "$home/routes" "$prefix/routes"
fi
for role in "${roles[@]}"; do
    target="/etc/systemd/system/p1-iota-$role.service"
    if [ -n "$run" ]; then
        echo "write $target:"; unit_of "$role" "$prefix" | sed 's/^/    /'
    else
        unit_of "$role" "$prefix" > "$target"
        chmod 0644 "$target"
    fi
done
$run systemctl daemon-reload
for role in "${roles[@]}"; do
    if [ -n "$start" ]; then $run systemctl enable --now "p1-iota-$role.service"; else $run systemctl enable "p1-iota-$role.service"; fi
done
if [ -z "$run" ]; then
    for role in "${roles[@]}"; do
        echo "p1-iota-$role: systemctl status p1-iota-$role; journalctl -u p1-iota-$role -f; data in $data/$role"
    done
    echo "health: curl -s http://127.0.0.1:<port>/observe/health (node 9480, device 9481, myhome 9482, provider 9483)"
fi
