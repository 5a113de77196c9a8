# Runs the generated Ruby token route for Tests/RouteVectors/run.py:
#
#     ruby token_route_harness.rb ROUTE.rb
#
# Environment as run.py sets it: DWOLLA_API, DWOLLA_KEY, DWOLLA_SECRET, TOKEN_ROUTE_ALLOWLIST,
# TOKEN_ROUTE_RATE_LIMIT ("requests/seconds" or "off"). The session is the JSON of each request's
# X-Test-Session header (signedIn, customerId, payin, beneficialOwners, id), without one signed
# out. A small threaded HTTP/1.1 server plays the Rack server: rack.input streams the body
# (Content-Length bytes, or decoded from chunks) as the route reads it, and the connection closes
# after an answer with Connection: close. It prints "listening at http://127.0.0.1:PORT/" once it
# listens, and stops on SIGTERM.
require "json"
require "socket"
require "stringio"
require_relative File.expand_path(ARGV.fetch(0))

# The request body as a server streams it.
class Body
  def initialize(socket, length, chunked)
    @socket, @remaining, @chunked, @buffer, @done = socket, length, chunked, +"", false
    @buffer.force_encoding(Encoding::BINARY)
  end

  attr_reader :done

  def read(size = nil)
    fill until @done || (size && @buffer.bytesize >= size)
    data = size ? @buffer.byteslice(0, size) : @buffer
    @buffer = size ? (@buffer.byteslice(size..) || +"") : +""
    data
  end

  private

  def fill
    if !@chunked
      data = @remaining.positive? ? @socket.readpartial([@remaining, 65_536].min) : ""
      @remaining -= data.bytesize
      @buffer << data
      @done = @remaining <= 0
      return
    end
    size = @socket.gets.to_s.split(";").first.to_s.strip.to_i(16)
    if size.zero?
      loop { line = @socket.gets; break if line.nil? || line.strip.empty? }
      @done = true
      return
    end
    @buffer << @socket.read(size)
    @socket.gets
  end
rescue EOFError
  @done = true
end

allowlist = ENV["TOKEN_ROUTE_ALLOWLIST"] ? JSON.parse(File.read(ENV["TOKEN_ROUTE_ALLOWLIST"])) : nil
limit = ENV["TOKEN_ROUTE_RATE_LIMIT"]
rate_limit = limit.nil? ? [60, 60] : limit == "off" ? nil : limit.split("/").map { |n| n.include?(".") ? n.to_f : n.to_i }
NAMES = { "signedIn" => "signed_in", "customerId" => "customer_id", "beneficialOwners" => "beneficial_owners" }.freeze
route = DwollaTokenRoute.new(
  key: ENV.fetch("DWOLLA_KEY"), secret: ENV.fetch("DWOLLA_SECRET"), api: ENV["DWOLLA_API"], allowlist: allowlist,
  rate_limit: rate_limit,
  session: lambda { |env|
    given = env["HTTP_X_TEST_SESSION"]
    given ? JSON.parse(given).to_h { |key, value| [NAMES.fetch(key, key), value] } : { "signed_in" => false }
  },
)
token_url = allowlist ? allowlist["tokenUrl"] : "/api/dwolla/client-token"

def serve(route, token_url, socket)
  loop do
    request_line = socket.gets
    break if request_line.nil?
    method, path = request_line.split(" ")
    headers = []
    while (line = socket.gets) && !line.strip.empty?
      name, value = line.split(":", 2)
      headers << [name.strip, value.to_s.strip]
    end
    find = ->(wanted) { headers.find { |name, _| name.downcase == wanted }&.last }
    chunked = find.call("transfer-encoding").to_s.downcase.include?("chunked")
    length = find.call("content-length")
    body = Body.new(socket, length.to_s.match?(/\A[0-9]+\z/) ? length.to_i : 0, chunked)
    status, answer_headers, parts = if path == token_url
      env = { "REQUEST_METHOD" => method, "PATH_INFO" => path, "SCRIPT_NAME" => "", "rack.input" => body,
              "REMOTE_ADDR" => socket.peeraddr[3], "SERVER_PROTOCOL" => "HTTP/1.1" }
      env["CONTENT_LENGTH"] = length if length
      headers.each do |name, value|
        next if %w[content-length content-type].include?(name.downcase)
        key = "HTTP_" + name.upcase.tr("-", "_")
        env[key] = env.key?(key) ? "#{env[key]},#{value}" : value
      end
      route.call(env)
    else
      [404, { "Content-Length" => "0" }, []]
    end
    payload = parts.join
    socket.write("HTTP/1.1 #{status} #{DwollaTokenRoute::REASONS.fetch(status, '')}\r\n")
    answer_headers.each { |name, value| socket.write("#{name}: #{value}\r\n") }
    socket.write("\r\n")
    socket.write(payload)
    break if answer_headers.any? { |name, value| name.downcase == "connection" && value.downcase == "close" }
    body.read
  end
rescue IOError, SystemCallError
  nil
ensure
  socket.close
end

server = TCPServer.new("127.0.0.1", 0)
Signal.trap("TERM") { exit!(0) }
puts "listening at http://127.0.0.1:#{server.addr[1]}/"
$stdout.flush
loop do
  client = server.accept
  Thread.new { serve(route, token_url, client) }
end
