package lang

import "testing"

type detectCase struct {
	want string
	text string
}

// detectCases are realistic customer posts written for these tests.
var detectCases = []detectCase{
	{"en", "@united thanks for getting me home on time, the crew was amazing"},
	{"en", "Three hours on the tarmac and still no update from @AmericanAir. This is ridiculous"},
	{"en", "I've been on hold for 45 minutes, can someone please help me with my booking?"},
	{"en", "Just landed in Denver, best flight I've had in years! #travel"},
	{"en", "why would you cancel my flight without telling me?? so frustrated"},
	{"en", "Love the new app update, checking in took less than a minute 👍"},
	{"en", "RT @S3NT1N3L17: Looking for gaming mutuals (and I usually follow back unless you’ve got a few dozen tweets"},

	{"es", "Mi vuelo fue cancelado y nadie me dice nada, ¿qué hago ahora?"},
	{"es", "Gracias por la ayuda, el equipo de atención al cliente fue muy amable"},
	{"es", "Llevo dos horas esperando mi maleta en el aeropuerto de Madrid"},
	{"es", "¿Por qué no puedo cambiar mi asiento desde la aplicación?"},
	{"es", "Hola, necesito ayuda con mi reserva, no me llegó el correo de confirmación"},
	{"es", "@AskPlayStation Por favor siguenos en Twitter para brindarte asistencia por mensajes directos."},

	{"fr", "Mon vol a été annulé et personne ne répond au téléphone"},
	{"fr", "Merci beaucoup pour votre aide, le service client était vraiment super"},
	{"fr", "Je suis à l'aéroport depuis trois heures et toujours pas de nouvelles"},
	{"fr", "Pourquoi est-ce que je ne peux pas choisir mon siège en ligne ?"},
	{"fr", "C'est la deuxième fois que ma valise est perdue, c'est inadmissible"},

	{"de", "Mein Flug wurde gestrichen und niemand kann mir sagen, warum"},
	{"de", "Vielen Dank für die schnelle Hilfe, der Kundenservice war super"},
	{"de", "Ich warte seit zwei Stunden auf mein Gepäck am Flughafen"},
	{"de", "Warum kann ich meinen Sitzplatz nicht in der App ändern?"},
	{"de", "Das ist schon das dritte Mal, dass mein Koffer verloren geht"},

	{"pt", "Meu voo foi cancelado e ninguém me explica o que aconteceu"},
	{"pt", "Obrigado pela ajuda, o atendimento foi muito bom"},
	{"pt", "Estou esperando minha mala há duas horas no aeroporto"},
	{"pt", "Por que não consigo mudar meu assento pelo aplicativo?"},
	{"pt", "Olá, preciso de ajuda com a minha reserva, não recebi o e-mail de confirmação"},

	{"it", "Il mio volo è stato cancellato e nessuno mi dice niente"},
	{"it", "Grazie mille per l'aiuto, il servizio clienti è stato gentilissimo"},
	{"it", "Sono in aeroporto da tre ore e ancora nessuna notizia del bagaglio"},
	{"it", "Perché non posso cambiare il mio posto dall'app?"},
	{"it", "È la seconda volta che perdete la mia valigia, non è accettabile"},

	{"nl", "Mijn vlucht is geannuleerd en niemand kan me vertellen waarom"},
	{"nl", "Heel erg bedankt voor de snelle hulp, de klantenservice was top"},
	{"nl", "Ik wacht al twee uur op mijn koffer op Schiphol"},
	{"nl", "Waarom kan ik mijn stoel niet in de app wijzigen?"},
	{"nl", "Dit is al de tweede keer dat mijn bagage kwijt is"},

	{"ru", "Мой рейс отменили, и никто не может объяснить почему"},
	{"ru", "Спасибо за помощь, всё решили очень быстро"},
	{"ru", "Я уже два часа жду свой багаж в аэропорту"},
	{"uk", "Мій рейс скасували, і ніхто не може пояснити чому"},
	{"uk", "Дякую за допомогу, все вирішили дуже швидко"},
	{"uk", "Я вже дві години чекаю свій багаж в аеропорту"},
	{"ar", "تم إلغاء رحلتي ولا أحد يرد على الهاتف"},
	{"ar", "شكرا جزيلا على المساعدة، كانت الخدمة ممتازة"},
	{"fa", "پرواز من لغو شد و هیچ کس جواب نمی‌دهد"},
	{"fa", "خیلی ممنون از کمک شما، خدمات عالی بود"},
	{"ur", "میری پرواز منسوخ ہو گئی اور کوئی جواب نہیں دے رہا"},
	{"ur", "آپ کی مدد کا بہت شکریہ"},
	{"hi", "मेरी उड़ान रद्द हो गई और कोई जवाब नहीं दे रहा है"},
	{"hi", "आपकी मदद के लिए बहुत धन्यवाद"},
	{"el", "Η πτήση μου ακυρώθηκε και κανείς δεν απαντά"},
	{"el", "Ευχαριστώ πολύ για τη βοήθεια"},
	{"he", "הטיסה שלי בוטלה ואף אחד לא עונה"},
	{"he", "תודה רבה על העזרה"},
	{"zh", "我的航班被取消了，没有人告诉我为什么"},
	{"zh", "谢谢你们的帮助，服务很好"},
	{"zh", "hi paypal 我的paypal帐号无法登陆，我更换了手机号码"},
	{"ja", "フライトがキャンセルされたのに誰も説明してくれない"},
	{"ja", "ありがとうございます！とても助かりました"},
	{"ja", "Fire TV Stickが見れない😢"},
	{"ko", "비행기가 취소됐는데 아무도 설명을 안 해줘요"},
	{"ko", "도와주셔서 감사합니다"},
	{"th", "เที่ยวบินของฉันถูกยกเลิก"},
	{"th", "ขอบคุณมากสำหรับความช่วยเหลือ"},
	{"hy", "Շնորհակալություն օգնության համար"},
	{"ka", "დიდი მადლობა დახმარებისთვის"},
	{"ta", "உங்கள் உதவிக்கு மிக்க நன்றி"},
	{"bn", "আপনার সাহায্যের জন্য অনেক ধন্যবাদ"},
}

// unknownCases must come out "und": too short, nothing but tags and
// links, mixed scripts, or a language without a target profile.
var unknownCases = []string{
	"", "Toot!", "hello!", "ok", "😂😂😂", "#POIUYTREWQ", "RT @bibaigna96: #POIUYTREWQ",
	"http://t.co/abc123", "@united @delta", "12:30 DFW-LAX", "&amp; &lt;3", "谢谢",
	"I love 寿司 and ラーメン so much", "Привет друзья, today we fly to Moscow again",
	"Mój lot został odwołany i nikt nie odpowiada na telefon",
	"Mitt flyg blev inställt och ingen svarar i telefon",
	"Uçuşum iptal edildi ve kimse telefona cevap vermiyor",
	"Penerbangan saya dibatalkan dan tidak ada yang menjawab telepon",
	"Nakansela ang flight ko at walang sumasagot sa telepono",
	"Zborul meu a fost anulat și nimeni nu răspunde la telefon",
	"El meu vol ha estat cancel·lat i ningú no respon al telèfon",
	"Lentoni peruttiin eikä kukaan vastaa puhelimeen",
	"A járatomat törölték és senki nem válaszol a telefonban",
	"Mit fly blev aflyst og ingen svarer telefonen",
	"My vlug is gekanselleer en niemand antwoord die foon nie",
	"Chuyến bay của tôi bị hủy và không ai trả lời điện thoại",
	"Полетът ми беше отменен и никой не отговаря на телефона",
	"Мој лет је отказан и нико не одговара на телефон",
	"Ndege yangu imeghairiwa na hakuna anayejibu simu",
	"V souvislosti s politikou v hlavním městě se často říká, že být primátorem je prestižnější",
}

func TestDetect(t *testing.T) {
	for _, c := range detectCases {
		code, conf := Detect(c.text)
		if code != c.want {
			t.Errorf("Detect(%q) = %s (%.2f), want %s", c.text, code, conf, c.want)
		}
		if conf <= 0 || conf > 1 {
			t.Errorf("Detect(%q) confidence %v out of (0, 1]", c.text, conf)
		}
	}
}

func TestDetectUnknown(t *testing.T) {
	for _, text := range unknownCases {
		if code, conf := Detect(text); code != Unknown || conf != 0 {
			t.Errorf("Detect(%q) = %s (%.2f), want %s (0)", text, code, conf, Unknown)
		}
	}
}
