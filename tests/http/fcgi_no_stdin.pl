#!/usr/bin/perl
# fcgi_no_stdin.pl SOCKET: one FastCGI GET / whose stdin is never ended
# (the params, then nothing, the connection kept open), as no client
# should but one could. Prints the answer's stdout records, then "end"
# once the worker has sent its end-request record and closed; exits 1
# if that has not happened within 10 s (a worker held by the client).
use strict;
use warnings;
use IO::Socket::UNIX;

my $sock = IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $ARGV[0])
	or die "connect: $!\n";
sub record { my ($type, $body) = @_;
	return pack("CCnnCC", 1, $type, 1, length($body), 0, 0) . $body; }
sub pair { my ($k, $v) = @_; return pack("CC", length($k), length($v)) . $k . $v; }
my $params = join("", map { pair(@$_) } (["REQUEST_METHOD", "GET"],
	["DOCUMENT_URI", "/"], ["QUERY_STRING", ""], ["REMOTE_ADDR", "127.0.0.1"]));
print $sock record(1, pack("nCx5", 1, 0)) . record(4, $params) . record(4, "");
$sock->flush;

local $SIG{ALRM} = sub { print "held\n"; exit 1; };
alarm 10;
my ($buf, $out, $ended) = ("", "", 0);
while (sysread($sock, my $chunk, 65536)) { $buf .= $chunk; }
alarm 0;
while (length($buf) >= 8) {
	my (undef, $type, undef, $len, $pad) = unpack("CCnnC", $buf);
	last if length($buf) < 8 + $len + $pad;
	$out .= substr($buf, 8, $len) if $type == 6;
	$ended = 1 if $type == 3;
	$buf = substr($buf, 8 + $len + $pad);
}
print $out;
print $ended ? "end\n" : "no end\n";
exit($ended ? 0 : 1);
