# apt.sh - sourced by the scripts/install-*.sh: installs Debian packages,
# only those missing, without asking.
#
# apt_install WHO PACKAGE...: installs the PACKAGEs dpkg does not have,
# saying so on stderr as "WHO: installing Debian packages: ...", with
# sudo unless run as root; sets apt_missing to those it installed ("" when
# none were missing).
apt_install() {
    who=$1
    shift
    apt_missing=""
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
            grep -q 'install ok installed'; then
            apt_missing="$apt_missing $p"
        fi
    done
    [ -n "$apt_missing" ] || return 0
    echo "$who: installing Debian packages:$apt_missing" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $apt_missing \
        >/dev/null
}
