<?php
// tests/bench/index.php: the reference page of `make bench` (tests/bench.sh).
// The work of GET / (app/page_public.c) in plain PHP: the same two prepared
// statements as app/sql_public.c over a persistent mysqli connection, every
// value through htmlspecialchars, the same layout, so the same bytes. Only the
// bench's own php-fpm pool runs it (tests/bench/php.sh); never deployed.
$db = new mysqli('p:localhost', getenv('STEGVIS_DB_USER'), getenv('STEGVIS_DB_PASS'),
	'stegvis', 0, getenv('STEGVIS_DB_SOCKET'));
$db->set_charset('utf8mb4');

// The plain address's förbund: the one active förbund without a host name
// (as GET / picks it, sql/0071), so the page lists the same insatser.
$DEFAULT = "(SELECT MIN(f.id) FROM forbund f WHERE f.active = 1 AND f.public_host IS NULL)";

$st = $db->prepare("SELECT i.id, i.name, i.location, i.target_groups, i.places, "
	. "DATE_FORMAT(i.period_start, '%Y-%m-%d') AS period_start, "
	. "DATE_FORMAT(i.period_end, '%Y-%m-%d') AS period_end, "
	. "o.name AS host "
	. "FROM insats i JOIN organisation o ON o.id = i.host_organisation_id "
	. "WHERE i.forbund_id = $DEFAULT AND i.active = 1 ORDER BY i.name");
$st->execute();
$insatser = $st->get_result()->fetch_all(MYSQLI_ASSOC);
$st->close();

$st = $db->prepare("SELECT g.insats_id, g.label, g.target_numerator AS numerator, "
	. "g.target_denominator AS denominator, "
	. "g.target_denominator = 100 AS percent "
	. "FROM insats_goal g JOIN insats i ON i.id = g.insats_id "
	. "WHERE i.forbund_id = $DEFAULT AND i.active = 1 "
	. "ORDER BY g.insats_id, g.sort_order, g.id");
$st->execute();
$goals = [];
foreach ($st->get_result()->fetch_all(MYSQLI_ASSOC) as $g)
	$goals[$g['insats_id']][] = $g;
$st->close();

// The escaping of app/str.c buf_html(): & < > " and ' (as &#39;).
function h($s)
{
	return str_replace('&#039;', '&#39;', htmlspecialchars((string)$s, ENT_QUOTES, 'UTF-8'));
}

header('Content-Type: text/html; charset=utf-8');
header("Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; "
	. "font-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; "
	. "frame-ancestors 'none'; base-uri 'none'");
header('X-Content-Type-Options: nosniff');
header('X-Frame-Options: DENY');
header('Referrer-Policy: same-origin');
header('Cache-Control: no-cache');
?>
<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Insatser – Stegvis</title>
<link rel="stylesheet" href="/static/stegvis.css">

</head>
<body>
<a class="skip" href="#main">Hoppa till innehållet</a>
<header class="top">
<p class="brand"><a href="/">Stegvis</a></p>
<nav class="usernav" aria-label="Konto">
<a href="/logga-in">Logga in</a>
</nav>
</header>
<main id="main">
<h1>Insatser</h1>
<p class="lead">Insatser som samordningsförbundet finansierar, med antal platser och mål.</p>
<?php foreach ($insatser as $i) { ?>
<section class="insats">
<h2><?= h($i['name']) ?></h2>
<dl class="facts">
<dt>Platser</dt><dd><?= h($i['places']) ?></dd>
<dt>Period</dt><dd><?= h($i['period_start']) ?> – <?= ($i['period_end'] ?? '') !== '' ? h($i['period_end']) : 'tills vidare' ?></dd>
<?php if (($i['location'] ?? '') !== '') echo '<dt>Plats</dt><dd>', h($i['location']), "</dd>\n"; ?>
<dt>Huvudman</dt><dd><?= h($i['host']) ?></dd>
<?php if (($i['target_groups'] ?? '') !== '') echo '<dt>Målgrupp</dt><dd>', h($i['target_groups']), "</dd>\n"; ?>
</dl>
<?php foreach ($goals[$i['id']] ?? [] as $g) {
	echo '<p class="goal">Mål: ', h($g['label']), ' – minst ',
		$g['percent'] ? h($g['numerator']) . ' %' : h($g['numerator']) . ' av ' . h($g['denominator']),
		" av dem som avslutat</p>\n";
} ?>
</section>
<?php } if (!$insatser) { ?>
<p>Det finns inga aktiva insatser.</p>
<?php } ?>

</main>
<footer class="foot">
<p>Stegvis – stöd steg för steg mot arbete och studier.</p>
</footer>
</body>
</html>
