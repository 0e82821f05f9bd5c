//! The parts of a document type declaration that `pyexpat` reports: its name, external
//! identifiers and the entities its internal subset declares (quick-xml hands over the
//! declaration's text whole), and the pseudo-attributes of an XML declaration.

/// A `<!DOCTYPE ...>` declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Doctype {
    pub name: String,
    pub system_id: Option<String>,
    pub public_id: Option<String>,
    pub has_internal_subset: bool,
    pub entities: Vec<Entity>,
    /// The declaration's tokens as expat hands them to a default handler.
    pub pieces: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub is_parameter: bool,
    pub value: EntityValue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EntityValue {
    Internal(String),
    External {
        system_id: String,
        public_id: Option<String>,
        notation: Option<String>,
    },
}

/// A cursor over declaration text.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// Skips whitespace, returning what it skipped.
    fn space(&mut self) -> &'a str {
        let rest = self.rest();
        let len = rest.len() - rest.trim_start().len();
        self.pos += len;
        &rest[..len]
    }

    fn word(&mut self) -> &'a str {
        let rest = self.rest();
        let len = rest
            .find(|c: char| c.is_whitespace() || "[]>\"'%=".contains(c))
            .unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }

    fn eat(&mut self, s: &str) -> bool {
        let found = self.rest().starts_with(s);
        if found {
            self.pos += s.len();
        }
        found
    }

    /// A quoted literal, quotes included.
    fn literal(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let len = rest[1..].find(quote)? + 2;
        self.pos += len;
        Some(&rest[..len])
    }
}

fn unquote(literal: &str) -> String {
    literal[1..literal.len() - 1].to_string()
}

/// The declaration's text between `<!DOCTYPE` and the closing `>`.
pub fn parse_doctype(body: &str) -> Option<Doctype> {
    let mut c = Cursor { text: body, pos: 0 };
    let mut pieces = vec!["<!DOCTYPE".to_string()];
    let push_space = |c: &mut Cursor, pieces: &mut Vec<String>| {
        let space = c.space();
        if !space.is_empty() {
            pieces.push(space.to_string());
        }
    };
    push_space(&mut c, &mut pieces);
    let name = c.word();
    if name.is_empty() {
        return None;
    }
    pieces.push(name.to_string());
    push_space(&mut c, &mut pieces);
    let (mut system_id, mut public_id) = (None, None);
    for keyword in ["SYSTEM", "PUBLIC"] {
        if !c.eat(keyword) {
            continue;
        }
        pieces.push(keyword.to_string());
        push_space(&mut c, &mut pieces);
        if keyword == "PUBLIC" {
            let public = c.literal()?;
            pieces.push(public.to_string());
            public_id = Some(unquote(public));
            push_space(&mut c, &mut pieces);
        }
        let system = c.literal()?;
        pieces.push(system.to_string());
        system_id = Some(unquote(system));
        push_space(&mut c, &mut pieces);
        break;
    }
    let mut entities = Vec::new();
    let has_internal_subset = c.eat("[");
    if has_internal_subset {
        let end = body.rfind(']').filter(|end| *end >= c.pos)?;
        let subset = &body[c.pos..end];
        pieces.push(format!("[{subset}]"));
        entities = subset_entities(subset)?;
        c.pos = end + 1;
        push_space(&mut c, &mut pieces);
    }
    if !c.rest().is_empty() {
        return None;
    }
    pieces.push(">".to_string());
    Some(Doctype {
        name: name.to_string(),
        system_id,
        public_id,
        has_internal_subset,
        entities,
        pieces,
    })
}

/// The entity declarations of an internal subset; other declarations, comments and
/// processing instructions are passed over.
fn subset_entities(subset: &str) -> Option<Vec<Entity>> {
    let mut c = Cursor {
        text: subset,
        pos: 0,
    };
    let mut out = Vec::new();
    loop {
        c.space();
        if c.rest().is_empty() {
            return Some(out);
        }
        if c.eat("<!--") {
            c.pos += c.rest().find("-->")? + 3;
        } else if c.eat("<?") {
            c.pos += c.rest().find("?>")? + 2;
        } else if c.eat("<!ENTITY") {
            out.push(entity_decl(&mut c)?);
        } else if c.eat("<!") {
            skip_declaration(&mut c)?;
        } else if c.eat("%") {
            c.word();
            if !c.eat(";") {
                return None;
            }
        } else {
            return None;
        }
    }
}

/// Skips to the `>` that ends a markup declaration, passing over quoted literals.
fn skip_declaration(c: &mut Cursor) -> Option<()> {
    loop {
        let rest = c.rest();
        let i = rest.find(['>', '"', '\''])?;
        c.pos += i;
        if c.eat(">") {
            return Some(());
        }
        c.literal()?;
    }
}

/// `<!ENTITY [%] name (literal | SYSTEM lit | PUBLIC lit lit) [NDATA name]>`, after `<!ENTITY`.
fn entity_decl(c: &mut Cursor) -> Option<Entity> {
    if c.space().is_empty() {
        return None;
    }
    let is_parameter = c.eat("%");
    if is_parameter && c.space().is_empty() {
        return None;
    }
    let name = c.word().to_string();
    if name.is_empty() || c.space().is_empty() {
        return None;
    }
    let value = if let Some(literal) = c.literal() {
        EntityValue::Internal(expand_char_refs(&unquote(literal))?)
    } else {
        let public_id = if c.eat("PUBLIC") {
            c.space();
            Some(unquote(c.literal()?))
        } else if c.eat("SYSTEM") {
            None
        } else {
            return None;
        };
        c.space();
        let system_id = unquote(c.literal()?);
        c.space();
        let notation = c.eat("NDATA").then(|| {
            c.space();
            c.word().to_string()
        });
        EntityValue::External {
            system_id,
            public_id,
            notation,
        }
    };
    c.space();
    c.eat(">").then_some(Entity {
        name,
        is_parameter,
        value,
    })
}

/// An entity value's character references replaced, as expat does at the declaration
/// (general entity references stay, to be replaced where the entity is used).
fn expand_char_refs(value: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = value;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';')? + i;
        let num = &rest[i + 2..end];
        let code = match num.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        out.push(char::from_u32(code)?);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The `name="value"` pairs of an XML declaration's body (after `<?xml`).
pub fn pseudo_attributes(body: &str) -> Option<Vec<(String, String)>> {
    let mut c = Cursor { text: body, pos: 0 };
    let mut out = Vec::new();
    loop {
        let space = c.space();
        if c.rest().is_empty() {
            return Some(out);
        }
        if space.is_empty() {
            return None;
        }
        let name = c.word().to_string();
        c.space();
        if name.is_empty() || !c.eat("=") {
            return None;
        }
        c.space();
        out.push((name, unquote(c.literal()?)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctype_with_public_id_and_entities() {
        let d = parse_doctype(
            " html PUBLIC \"-//W3C//DTD\" 'x.dtd' [<!-- c --><!ENTITY e 'a&#65;'><!ELEMENT a ANY>]",
        )
        .unwrap();
        assert_eq!(d.name, "html");
        assert_eq!(d.public_id.as_deref(), Some("-//W3C//DTD"));
        assert_eq!(d.system_id.as_deref(), Some("x.dtd"));
        assert_eq!(d.entities.len(), 1);
        assert_eq!(d.entities[0].value, EntityValue::Internal("aA".into()));
        assert_eq!(d.pieces[..4], ["<!DOCTYPE", " ", "html", " "]);
    }

    #[test]
    fn broken_declarations_are_refused() {
        assert!(parse_doctype(" ").is_none());
        assert!(parse_doctype(" a SYSTEM").is_none());
        assert!(pseudo_attributes(" version=1.0").is_none());
        assert_eq!(
            pseudo_attributes(" version='1.0' standalone=\"yes\"").unwrap(),
            [
                ("version".into(), "1.0".into()),
                ("standalone".into(), "yes".into())
            ]
        );
    }
}
