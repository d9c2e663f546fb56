using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Rind.Diagnostics;
using Rind.Transport.Dialing;

namespace Rind.Transport.Http;

/// <summary>
/// The one line rind says when a call to an engine or a cluster failed on its way: ran out of time, could not
/// reach the server, broke off, or was answered with more, or other, than rind reads. The server and the call
/// are named in the backend's words (<see cref="ServerWords"/>); timeouts and sizes are said alike for both.
/// </summary>
internal static class CallFailure
{
    /// <summary>Runs one call, and turns the ways it can fail on its way into one line that names the server and the call.</summary>
    /// <param name="call">What is called, as messages name it: "GET /containers/json", "the list of pods in namespace default".</param>
    /// <exception cref="RindException">The call failed on its way.</exception>
    public static T Guard<T>(ServerWords server, string call, Func<T> send)
    {
        try
        {
            return send();
        }
        catch (CallTimeoutException timeout)
        {
            throw new RindException(
                string.Create(CultureInfo.InvariantCulture, $"{server.Name} did not answer {call} within {timeout.Limit.TotalSeconds:0.###} s; ") +
                $"it may be stuck or overloaded ({CallTimeoutSetting.Variable}=SECONDS sets the limit)",
                innerException: timeout);
        }
        catch (TransportException failure)
        {
            throw new RindException(server.Unreachable(call, failure), innerException: failure);
        }
        catch (ResponseTooLargeException tooLarge)
        {
            throw new RindException(
                string.Create(CultureInfo.InvariantCulture, $"{server.Name} sent {server.Response(call)} larger than {tooLarge.Limit / (1024 * 1024)} MiB, more than rind reads; it was not read"),
                innerException: tooLarge);
        }
        catch (IOException exception)
        {
            var why = exception is ResponseCutShortException { Unanswered: true }
                ? $"{server.Kind} closed the connection without answering"
                : exception.Message;
            throw new RindException(server.BrokeOff(call, why, exception is ResponseCutShortException), innerException: exception);
        }
        catch (InvalidDataException exception)
        {
            throw new RindException(server.Garbled(call, exception.Message), innerException: exception);
        }
    }

    /// <summary>Reads a response's JSON body; an empty one (null) is as unreadable as broken JSON.</summary>
    /// <exception cref="RindException">The body is not the JSON expected.</exception>
    public static T ReadJson<T>(ServerWords server, string call, ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? throw new JsonException("empty response", path: null, lineNumber: 0, bytePositionInLine: 0);
        }
        catch (JsonException exception)
        {
            throw new RindException(server.Unreadable(call, JsonFailure.Describe(exception)), innerException: exception);
        }
    }
}
