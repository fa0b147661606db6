using Socle.Directory.Extracts;

namespace Socle.Directory.Tests;

public sealed class ExtractFieldsTests
{
    [Theory]
    [InlineData("a|b|c")]
    [InlineData("a|b|c|")]
    [InlineData(" a |b| c")]
    public void Split_PlainLines_GivesTrimmedFields_AndToleratesATrailingSeparator(string line)
    {
        Assert.Equal(["a", "b", "c"], ExtractFields.Split(line, 3, out var error)!);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("a|b", "expected 3 columns, found 2")]
    [InlineData("a|b|c|d|e", "expected 3 columns, found 5")]
    [InlineData("a|\"b|c", "broken quote in column 2")]
    [InlineData("a|\"b\"x|c", "broken quote in column 2")]
    public void Split_BadLines_SayWhy(string line, string reason)
    {
        Assert.Null(ExtractFields.Split(line, 3, out var error)!);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Split_QuotedFields_AreUnquoted_AndMayHoldTheSeparator()
    {
        Assert.Equal(["a", "b|c", "say \"hi\""], ExtractFields.Split("a|\"b|c\"|\"say \"\"hi\"\"\"", 3, out _)!);
    }

    [Fact]
    public void Split_AQuoteInsideAnUnquotedField_IsData()
    {
        Assert.Equal(["CLINIQUE \"LES LILAS\"", "x"], ExtractFields.Split("CLINIQUE \"LES LILAS\"|x", 2, out var error)!);
        Assert.Null(error);
    }

    [Fact]
    public void FromHeader_RecognisesEachKind_WhateverTheCaseAccentsAndTrailingSeparator()
    {
        foreach (var kind in ExtractKind.All)
        {
            Assert.Same(kind, ExtractKind.FromHeader(kind.HeaderLine));
            Assert.Same(kind, ExtractKind.FromHeader(kind.HeaderLine.ToUpperInvariant() + "|"));
        }

        Assert.Null(ExtractKind.FromHeader("nom;prenom"));
        Assert.Equal(56, ExtractKind.PersonActivity.Columns.Count);
        Assert.Equal(31, ExtractKind.Mailboxes.Columns.Count);
    }
}
