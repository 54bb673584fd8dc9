# ports.sh: free_port, a TCP port on 127.0.0.1 for a listener a test starts.
#
# The port is drawn below the kernel's ephemeral range
# (net.ipv4.ip_local_port_range, 32768-60999 on Debian): a port in that
# range can be handed to an outgoing connection (curl, Chromium, nginx to
# its upstream) between the moment it is found free and the moment the
# listener binds it, and the listener then fails with "Address already in
# use". Below the range only another listener can take it.

# free_port: a port nothing listens on now, outside the ephemeral range.
free_port() {
	local low=32768 high=60999 lo=15000 hi p
	read -r low high < /proc/sys/net/ipv4/ip_local_port_range 2> /dev/null || true
	hi=$((low - 1))
	# A range that starts low leaves the ports above it instead.
	[ "$hi" -gt "$((lo + 1000))" ] || { lo=$((high + 1)); hi=65535; }
	for _ in $(seq 50); do
		p=$((lo + RANDOM % (hi - lo + 1)))
		(exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null || { echo "$p"; return; }
	done
	echo 28080
}
