namespace Rind.Transport.WebSockets;

/// <summary>One piece of a message that <see cref="WebSocketConnection.Receive"/> put into the caller's buffer, or the close.</summary>
/// <param name="Count">How many bytes of the buffer it filled.</param>
/// <param name="EndOfMessage">Whether the piece ends its message.</param>
/// <param name="IsClose">Whether the server closed the WebSocket: nothing more comes.</param>
internal readonly record struct WebSocketReceived(int Count, bool EndOfMessage, bool IsClose)
{
    public static readonly WebSocketReceived Closed = new(0, EndOfMessage: true, IsClose: true);
}
