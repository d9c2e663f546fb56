using System.Globalization;
using System.Text;

namespace Rind.Tests.Docker;

/// <summary>
/// Raw HTTP/1.1 answers as the Docker engine writes them, for <see cref="FakeEngineServer"/> to send.
/// </summary>
internal static class EngineResponses
{
    /// <summary>The engine's answer to <c>GET /_ping</c>, which names its API version in a header.</summary>
    public static string Ping(string apiVersion) =>
        "HTTP/1.1 200 OK\r\n" +
        $"Api-Version: {apiVersion}\r\n" +
        "Cache-Control: no-cache, no-store, must-revalidate\r\n" +
        "Content-Length: 2\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Docker-Experimental: false\r\n" +
        "Ostype: linux\r\n" +
        "Server: Docker/26.1.4 (linux)\r\n" +
        "\r\n" +
        "OK";

    /// <summary>A response with a JSON body, its Content-Length counted in UTF-8 bytes.</summary>
    public static string Json(int status, string reason, string json) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\n" +
            $"Api-Version: 1.45\r\n" +
            $"Content-Type: application/json\r\n" +
            $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n" +
            $"Server: Docker/26.1.4 (linux)\r\n" +
            $"\r\n" +
            $"{json}");
}
