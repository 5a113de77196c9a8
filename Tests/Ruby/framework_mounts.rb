# Mounts the generated Ruby token route in Rails' router and in Sinatra, each with the lines
# docs/token-route.md and the route's header give, and asks each app for a token:
#
#     ruby framework_mounts.rb ROUTE.rb
#
# with DWOLLA_API, DWOLLA_KEY and DWOLLA_SECRET set (Tests/RouteVectors/with_fake_dwolla.py sets
# them). For each: a signed-in request for an allowed action gets a token; a signed-out one 401,
# the route's problem document; a GET 404 from the router, which was given POST alone; and the
# app's own page is still the framework's. It prints one line per framework and exits 1 on any failure.
require "json"
require "rack/test"
require "action_dispatch"
require "sinatra/base"
require_relative File.expand_path(ARGV.fetch(0))

CUSTOMER = "3f2a9c1e-7b4d-4e6a-9f10-2c8d5e7a1b01"
BODY = JSON.generate(action: "customer.read",
                     _links: { customer: { href: "https://api-sandbox.dwolla.com/customers/#{CUSTOMER}" } })

ROUTE = DwollaTokenRoute.new(
  key: ENV.fetch("DWOLLA_KEY"), secret: ENV.fetch("DWOLLA_SECRET"), api: ENV.fetch("DWOLLA_API"),
  session: lambda { |env|
    signed_in = env["HTTP_X_SIGNED_IN"] == "yes"
    { signed_in: signed_in, customer_id: signed_in ? CUSTOMER : nil, id: "mount-test" }
  },
  log: ->(*) {},
)

def rails_app
  routes = ActionDispatch::Routing::RouteSet.new
  routes.draw do
    post "/api/dwolla/client-token", to: ROUTE
    get "/hello", to: ->(_env) { [200, { "content-type" => "text/plain" }, ["rails"]] }
  end
  routes
end

def sinatra_app
  Class.new(Sinatra::Base) do
    post("/api/dwolla/client-token") { ROUTE.call(env) }
    get("/hello") { "sinatra" }
  end
end

# The ways one mounted app falls short.
def problems(app, name)
  session = Rack::Test::Session.new(Rack::MockSession.new(app, "app.example"))
  origin = { "HTTP_ORIGIN" => "http://app.example", "CONTENT_TYPE" => "application/json" }
  found = []
  answer = session.post("/api/dwolla/client-token", BODY, origin.merge("HTTP_X_SIGNED_IN" => "yes"))
  token = (JSON.parse(answer.body)["token"] rescue nil)
  found << "signed in: #{answer.status} #{answer.body[0, 200]}" unless answer.status == 200 && token.is_a?(String)
  answer = session.post("/api/dwolla/client-token", BODY, origin)
  unless answer.status == 401 && answer.headers["content-type"] == "application/problem+json"
    found << "signed out: #{answer.status} #{answer.body[0, 200]}"
  end
  answer = session.get("/api/dwolla/client-token", {}, origin.merge("HTTP_X_SIGNED_IN" => "yes"))
  # Both routers answer a method they were given no route for themselves.
  found << "GET: #{answer.status} #{answer.body[0, 200]}" unless answer.status == 404
  answer = session.get("/hello")
  found << "the app's own page: #{answer.status} #{answer.body[0, 200]}" unless answer.status == 200 && answer.body == name.downcase
  found
end

failed = false
{ "Rails" => rails_app, "Sinatra" => sinatra_app }.each do |name, app|
  found = problems(app, name)
  failed ||= !found.empty?
  puts "#{name}: #{found.empty? ? 'mounted, answers' : found.join('; ')}"
end
exit(failed ? 1 : 0)
