#!/bin/sh
# Install the Debian 12 packages Stegvis needs to build, run and test.
# As root: installs what is missing. As another user: prints the one
# `sudo apt-get install …` line needed and fails.
set -eu

PKGS="make gcc libc6-dev pkg-config curl ca-certificates procps
nginx mariadb-server mariadb-client
libfcgi-dev libfcgi-bin libmariadb-dev libxml2-dev libxml2-utils libsodium-dev libcmocka-dev clang-format
liboath-dev oathtool libqrencode-dev
libglpk-dev
age
chromium fonts-sil-abyssinica"
# Browser tests (tests/browser/): chromium, an Ethiopic font for the Tigrinya
# screens (Arabic and Dari render with DejaVu), and node and npm unless a node
# is there already
# (the machine usually has node 20 in /usr/bin, not from a Debian package).
command -v node > /dev/null 2>&1 || PKGS="$PKGS nodejs npm"
# Extra packages for a target, e.g. `sh conf/deps.sh wrk` from `make bench`;
# "php" is the PHP-FPM reference page of `make bench` (tests/bench/), never
# needed to build or run Stegvis.
for extra in "$@"; do
	case "$extra" in
	php) PKGS="$PKGS php-fpm php-mysql" ;;
	*) PKGS="$PKGS $extra" ;;
	esac
done

missing=""
for p in $PKGS; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "Stegvis needs these Debian packages. Run:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# Debian's packages must not start the system-wide nginx and MariaDB for us:
# Stegvis runs private instances. policy-rc.d is honoured by invoke-rc.d.
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
	printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
	chmod +x /usr/sbin/policy-rc.d
	created_policy=1
fi
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
[ "$created_policy" -eq 1 ] && rm -f /usr/sbin/policy-rc.d
exit 0
