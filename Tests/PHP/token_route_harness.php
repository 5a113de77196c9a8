<?php
// Runs the generated PHP token route for Tests/RouteVectors/run.py:
//
//     php token_route_harness.php ROUTE.php
//
// Environment as run.py sets it: DWOLLA_API, DWOLLA_KEY, DWOLLA_SECRET, TOKEN_ROUTE_ALLOWLIST,
// TOKEN_ROUTE_RATE_LIMIT ("requests/seconds" or "off"). The session is the JSON of each
// request's X-Test-Session header (signedIn, customerId, payin, beneficialOwners, id), without
// one signed out. A small HTTP/1.1 server plays PHP's server, as php-fpm does: each connection in
// a process of its own (the route keeps what outlives a request in its state folder), the body
// streamed to the route as it reads it (Content-Length bytes, or decoded from chunks), and the
// connection closed after an answer with Connection: close. It prints
// "listening at http://127.0.0.1:PORT/" once it listens, and stops on SIGTERM.
declare(strict_types=1);

require $argv[1];

$allowlist = getenv('TOKEN_ROUTE_ALLOWLIST') ? json_decode(file_get_contents(getenv('TOKEN_ROUTE_ALLOWLIST')), true) : null;
$limit = getenv('TOKEN_ROUTE_RATE_LIMIT');
$rateLimit = $limit === false ? [60, 60] : ($limit === 'off' ? null : array_map(fn ($n) => str_contains($n, '.') ? (float) $n : (int) $n, explode('/', $limit)));
$tokenUrl = $allowlist['tokenUrl'] ?? '/api/dwolla/client-token';
$state = sys_get_temp_dir() . '/dropin-php-harness-' . getmypid();
$currentSession = null;
$route = new DwollaTokenRoute([
    'key' => getenv('DWOLLA_KEY'), 'secret' => getenv('DWOLLA_SECRET'), 'api' => getenv('DWOLLA_API') ?: null,
    'allowlist' => $allowlist, 'rateLimit' => $rateLimit, 'stateFolder' => $state,
    'log' => function (string $level, string $message, array $fields): void {
        fwrite(STDOUT, json_encode(['level' => $level, 'message' => $message] + $fields, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n");
    },
    'session' => function () use (&$currentSession) {
        if ($currentSession === null) {
            return ['signed_in' => false];
        }
        $names = ['signedIn' => 'signed_in', 'customerId' => 'customer_id', 'beneficialOwners' => 'beneficial_owners'];
        $session = [];
        foreach (json_decode($currentSession, true) as $key => $value) {
            $session[$names[$key] ?? $key] = $value;
        }
        return $session;
    },
]);

/** The request body as a server streams it. */
final class Body
{
    private string $buffer = '';
    public bool $done = false;

    public function __construct(private $socket, private int $remaining, private bool $chunked)
    {
    }

    public function read(int $size): string
    {
        while (!$this->done && strlen($this->buffer) < $size) {
            $this->fill();
        }
        $data = substr($this->buffer, 0, $size);
        $this->buffer = (string) substr($this->buffer, $size);
        return $data;
    }

    private function fill(): void
    {
        if (!$this->chunked) {
            $data = $this->remaining > 0 ? fread($this->socket, min($this->remaining, 65536)) : '';
            if ($data === false || $data === '') {
                $this->done = true;
                return;
            }
            $this->remaining -= strlen($data);
            $this->buffer .= $data;
            $this->done = $this->remaining <= 0;
            return;
        }
        $line = fgets($this->socket);
        $size = $line === false ? 0 : hexdec(trim(explode(';', $line)[0]));
        if ($size === 0) {
            while (($line = fgets($this->socket)) !== false && trim($line) !== '') {
            }
            $this->done = true;
            return;
        }
        $data = '';
        while (strlen($data) < $size && !feof($this->socket)) {
            $data .= fread($this->socket, $size - strlen($data));
        }
        $this->buffer .= $data;
        fgets($this->socket);
    }
}

function serve($socket, DwollaTokenRoute $route, string $tokenUrl, ?string &$currentSession): void
{
    $reasons = [200 => 'OK', 400 => 'Bad Request', 401 => 'Unauthorized', 403 => 'Forbidden', 404 => 'Not Found',
                405 => 'Method Not Allowed', 413 => 'Payload Too Large', 429 => 'Too Many Requests', 502 => 'Bad Gateway'];
    while (($line = fgets($socket)) !== false) {
        [$method, $path] = array_pad(explode(' ', trim($line)), 2, '');
        $headers = [];
        while (($line = fgets($socket)) !== false && trim($line) !== '') {
            [$name, $value] = array_pad(explode(':', $line, 2), 2, '');
            $name = strtolower(trim($name));
            $headers[$name] = isset($headers[$name]) ? $headers[$name] . ',' . trim($value) : trim($value);
        }
        $length = $headers['content-length'] ?? null;
        $body = new Body($socket, $length !== null && ctype_digit($length) ? (int) $length : 0,
                         str_contains(strtolower($headers['transfer-encoding'] ?? ''), 'chunked'));
        if ($path === $tokenUrl) {
            $currentSession = $headers['x-test-session'] ?? null;
            [$status, $answerHeaders, $payload] = $route->respond($method, fn (string $name) => $headers[$name] ?? null,
                fn (int $maximum) => $body->read($maximum), stream_socket_get_name($socket, true));
        } else {
            [$status, $answerHeaders, $payload] = [404, [], ''];
        }
        $answerHeaders['Content-Length'] = (string) strlen($payload);
        $text = 'HTTP/1.1 ' . $status . ' ' . ($reasons[$status] ?? '') . "\r\n";
        foreach ($answerHeaders as $name => $value) {
            $text .= $name . ': ' . $value . "\r\n";
        }
        fwrite($socket, $text . "\r\n" . $payload);
        if (strtolower($answerHeaders['Connection'] ?? '') === 'close') {
            break;
        }
        $body->read(PHP_INT_MAX);
    }
    fclose($socket);
}

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $error);
pcntl_async_signals(true);
pcntl_signal(SIGTERM, function () use ($state) {
    array_map('unlink', glob($state . '/*') ?: []);
    @rmdir($state);
    exit(0);
});
pcntl_signal(SIGCHLD, SIG_IGN);
echo 'listening at http://' . stream_socket_get_name($server, false) . "/\n";
while (true) {
    $client = @stream_socket_accept($server, -1);
    if ($client === false) {
        continue;
    }
    if (pcntl_fork() === 0) {
        pcntl_signal(SIGTERM, SIG_DFL);
        fclose($server);
        serve($client, $route, $tokenUrl, $currentSession);
        exit(0);
    }
    fclose($client);
}
