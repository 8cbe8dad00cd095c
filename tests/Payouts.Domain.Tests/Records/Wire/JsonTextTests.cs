using System.Text.Json;
using Payouts.Domain.Records.Wire;

namespace Payouts.Domain.Tests.Records.Wire;

public sealed class JsonTextTests
{
    public static TheoryData<string> Kinds => MalformedText.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TryGetString_MalformedText_IsFalseAndGetStringWouldThrow(string kind)
    {
        var element = MalformedText.Element($"\"{MalformedText.Marker}\"", kind);

        Assert.Throws<InvalidOperationException>(() => element.GetString());
        Assert.False(JsonText.TryGetString(element, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"caf\\u00e9 \\ud83d\\ude00\"", "café 😀")]
    [InlineData("\"\"", "")]
    public void TryGetString_WellFormedText_IsTheDecodedString(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.True(JsonText.TryGetString(document.RootElement, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FirstMalformed_NestedValue_NamesItsPath(string kind)
    {
        var element = MalformedText.Element($"{{\"a\":1,\"b\":[\"ok\",{{\"c\":\"{MalformedText.Marker}\"}}]}}", kind);

        Assert.Equal("$.b[1].c", JsonText.FirstMalformed(element, "$"));
        Assert.False(JsonText.IsWellFormed(element));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FirstMalformed_PropertyName_NamesTheObject(string kind)
    {
        var element = MalformedText.Element($"{{\"ok\":{{\"{MalformedText.Marker}\":1}}}}", kind);

        Assert.Equal("$.ok", JsonText.FirstMalformed(element, "$"));
    }

    [Fact]
    public void FirstMalformed_WellFormedDocument_IsNull()
    {
        using var document = JsonDocument.Parse("""{"a":"\u00e9","b":[1,true,null,{"c":"\ud83d\ude00"}]}""");

        Assert.Null(JsonText.FirstMalformed(document.RootElement, "$"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RawText_MalformedText_DoesNotThrowAndKeepsTheRest(string kind)
    {
        var element = MalformedText.Element($"{{\"giftId\":\"{MalformedText.Marker}\",\"after\":\"kept\"}}", kind);

        var text = JsonText.RawText(element);

        Assert.StartsWith("{\"giftId\":\"", text, StringComparison.Ordinal);
        Assert.EndsWith(",\"after\":\"kept\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_UnpairedSurrogates_BecomeReplacementCharacter()
    {
        // Built in code: xunit would re-encode theory arguments and lose the lone surrogates before the test runs.
        (string Text, string Expected)[] cases =
        [
            ("a" + '\uD800' + "b", "a\uFFFDb"),
            (((char)0xDC00).ToString(), "\uFFFD"),
            (new string(['\uDC00', '\uD800']), "\uFFFD\uFFFD"),
            ("ok \uD83D\uDE00", "ok \uD83D\uDE00"),
            (string.Empty, string.Empty),
        ];

        Assert.All(cases, c => Assert.Equal(c.Expected, JsonText.Scrub(c.Text)));
    }

    [Theory]
    [InlineData("10.00\u0000")]
    [InlineData("rose\u0007")]
    [InlineData("a\u007f")]
    public void HasControlCharacter_NulBellDelete_AreControl(string text) => Assert.True(JsonText.HasControlCharacter(text));

    [Theory]
    [InlineData("first line\n\tsecond\r\n")]
    [InlineData("Léa Martin — 💎")]
    public void HasControlCharacter_TabsLineBreaksAndAnyOtherText_AreNot(string text) => Assert.False(JsonText.HasControlCharacter(text));
}
