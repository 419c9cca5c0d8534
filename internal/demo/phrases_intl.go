package demo

// foreign holds the templates people write in Spanish, French and German.
// Intents without templates in a language fall back to English.
var foreign = map[string]*[numIntents][]string{
	"es": {
		iPraise:      {"el {p} de {b} es lo mejor {e}", "me encanta {b}, el personal de {s} es un amor {e}", "{b} nunca falla ☕"},
		iRecommend:   {"tenéis que probar el {p} de {b} {e}", "si estáis por {s}, id a {b}. de verdad {e}"},
		iPhoto:       {"mi {p} de hoy en {b} 📸 {e}"},
		iComplaint:   {"otra vez mal mi pedido {b} {e}", "{b} la app no funciona otra vez", "esperé {n} minutos por un {p}. {b} qué pasa"},
		iQuestion:    {"{b} ¿la app acepta {f}?", "¿alguien sabe si {b} {s} abre los domingos?"},
		iNeutral:     {"tomando un {p} en {b} antes del trabajo", "en {b} {s} trabajando un rato"},
		iChatter:     {"¿en qué local?", "¡qué buena pinta!"},
		iBrandThanks: {"¡Muchas gracias! ☕💛"},
		iBrandSorry:  {"Lo sentimos mucho. ¿Nos mandas un DM con el número de pedido?"},
	},
	"fr": {
		iPraise:      {"le {p} de {b} est parfait {e}", "{b} ne déçoit jamais ☕", "l'équipe de {b} {s} est adorable {e}"},
		iRecommend:   {"il faut absolument goûter le {p} chez {b} {e}", "si vous passez par {s}, allez chez {b} {e}"},
		iPhoto:       {"le {p} du jour chez {b} 📸 {e}"},
		iComplaint:   {"encore une commande ratée {b} {e}", "{b} l'appli plante encore au paiement", "{n} minutes d'attente pour un {p}… {b} sérieusement"},
		iQuestion:    {"{b} est-ce que l'appli gère {f} ?", "quelqu'un sait si {b} {s} ouvre le dimanche ?"},
		iNeutral:     {"petit {p} chez {b} avant le boulot", "je travaille chez {b} {s} cet après-midi"},
		iChatter:     {"c'est où ?", "trop envie !"},
		iBrandThanks: {"Merci beaucoup ! ☕💛"},
		iBrandSorry:  {"Toutes nos excuses. Pouvez-vous nous envoyer votre numéro de commande en DM ?"},
	},
	"de": {
		iPraise:      {"der {p} bei {b} ist einfach perfekt {e}", "{b} enttäuscht nie ☕", "das Team von {b} {s} ist super nett {e}"},
		iRecommend:   {"ihr müsst den {p} bei {b} probieren {e}", "wer in der Nähe von {s} ist: ab zu {b} {e}"},
		iPhoto:       {"mein {p} heute bei {b} 📸 {e}"},
		iComplaint:   {"schon wieder falsche Bestellung {b} {e}", "{b} die App stürzt beim Bezahlen wieder ab", "{n} Minuten gewartet für einen {p}. {b} ernsthaft?"},
		iQuestion:    {"{b} unterstützt die App {f}?", "weiß jemand, ob {b} {s} sonntags offen hat?"},
		iNeutral:     {"schnell noch einen {p} bei {b} vor der Arbeit", "heute bei {b} {s} am Arbeiten"},
		iChatter:     {"welche Filiale?", "sieht super aus!"},
		iBrandThanks: {"Vielen Dank! ☕💛"},
		iBrandSorry:  {"Das tut uns leid. Schick uns bitte deine Bestellnummer per DM."},
		iStaff:       {"neue Single Origin in {s} angekommen, kommt probieren {e}"},
	},
}
