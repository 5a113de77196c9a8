<?php
// The token route mounted as an app mounts it, for Tests/PHP/framework_mounts.py, which serves
// this file with `php -S` (as a front controller). MOUNT says how: "plain" ($route->handle(), as
// docs/token-route.md shows it) or "symfony" (a controller with Symfony's HttpFoundation, its lines).
// Environment: TOKEN_ROUTE_PHP (the route file), DWOLLA_API, DWOLLA_KEY, DWOLLA_SECRET,
// STATE_FOLDER. A request is signed in when it says X-Signed-In: yes.
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;

require_once getenv('TOKEN_ROUTE_PHP');

$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path === '/hello') {
    echo getenv('MOUNT');
    return;
}
if ($path !== '/api/dwolla/client-token') {
    http_response_code(404);
    return;
}
$route = new DwollaTokenRoute([
    'key' => getenv('DWOLLA_KEY'), 'secret' => getenv('DWOLLA_SECRET'), 'api' => getenv('DWOLLA_API'),
    'stateFolder' => getenv('STATE_FOLDER'), 'log' => function (string $level, string $message, array $fields): void {},
    'session' => fn () => [
        'signed_in' => ($_SERVER['HTTP_X_SIGNED_IN'] ?? '') === 'yes',
        'customer_id' => ($_SERVER['HTTP_X_SIGNED_IN'] ?? '') === 'yes' ? '3f2a9c1e-7b4d-4e6a-9f10-2c8d5e7a1b01' : null,
        'id' => 'mount-test',
    ],
]);
if (getenv('MOUNT') === 'symfony') {
    require_once '/usr/share/php/Symfony/Component/HttpFoundation/autoload.php';
    $request = Request::createFromGlobals();
    [$status, $headers, $body] = $route->respond($request->getMethod(), fn ($name) => $request->headers->get($name),
        fn ($maximum) => $request->getContent(), $request->getClientIp());
    (new Response($body, $status, $headers))->send();
} else {
    $route->handle();
}
