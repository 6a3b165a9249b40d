import { describe, expect, it } from 'vitest';
import { compileMatcher, detectMentions, summarize } from './index';
import { bundledDetection, cloneDetection, labeller } from './testing';

const detection = bundledDetection();
const matcher = compileMatcher(detection);
const labels = (text: string) => summarize(detectMentions(text, matcher)).labels;
const versions = (text: string) => summarize(detectMentions(text, matcher)).versions;

describe('collisions (rule 2): the common sense is not a mention', () => {
  it.each([
    [
      'Sora the Kingdom Hearts character',
      'Sora and Riku team up again in the new Kingdom Hearts trailer',
    ],
    ['a pet named Sora', 'my cat Sora knocked over the plant again 😾'],
    ['a person named Sora', 'Sora Amamiya is singing the opening theme this season'],
    ['Japanese sora (sky)', '今日の空きれい #sora #空'],
    ['Sora no Kiseki', 'Sora no Kiseki is still my favourite JRPG story'],
    ['Spanish veo', 'No veo nada con esta niebla, mejor me quedo en casa'],
    ['Spanish veo + AI words', 'Veo muchos vídeos hechos con IA últimamente'],
    ['Veo sports camera', 'Our U10 team films every match with a Veo Cam now'],
    ['fashion runway', 'The Dior runway at Paris Fashion Week was stunning'],
    ['airport runway', 'Runway 09R closed at Heathrow, flights delayed'],
    ['financial runway', 'After the bridge round our AI startup has 18 months of runway left'],
    ['Pikachu', 'Pika pika! Pikachu plushie finally arrived'],
    ['pika the animal', 'Spotted an American pika on the trail today'],
    ['Marc-Uwe Kling', 'Marc-Uwe Kling hat ein neues Buch über KI geschrieben'],
    ['Kling Klang', 'Kraftwerk recorded everything at Kling Klang'],
    ['Wan Chai', 'Best dim sum in Wan Chai?'],
    ['WAN networking', 'Our WAN link to the branch office keeps dropping'],
    ['VEO as an acronym', 'The VEO (Vendor Engagement Office) published new AI video guidelines'],
    ['wan (pale)', 'He looked wan and tired after the night shift'],
    ['Ray as a first name', 'Ray Charles was a genius'],
    ['ray tracing', 'Ray tracing on my new GPU makes every frame look amazing'],
    ['mochi the food', 'Matcha mochi ice cream is the best dessert'],
    ['a pet named Mochi', 'Mochi the corgi turned two today'],
    ['Pokémon generations', 'Gen 4 Pokémon had the best starters'],
    ['GPT-4o omni', "GPT-4o's omni mode is great for voice chats"],
    ['HTML h3', 'Why is my h3 heading bigger than my h2? CSS question'],
    ['Amazon Nova LLMs', 'Amazon Nova Pro is cheap for summarising support tickets'],
    ['a happy horse', 'what a happy horse, rolling in the snow #happyhorse #equestrian'],
    ['Firefly TV series', 'Firefly deserved more than one season'],
    ['Firefly Aerospace', 'Firefly Aerospace launches another rocket tonight'],
    ['Adobe Firefly images', 'Adobe Firefly made a great product mockup image for our deck'],
    ['Midjourney images', 'Midjourney v7 portraits are so detailed now'],
    ['Étienne-Jules Marey', 'Étienne-Jules Marey invented the chronophotographic gun'],
    ['SVD the factorisation', 'Computing the SVD of a sparse matrix with scipy'],
    ['vendor only', 'OpenAI and Google both announced new video tools today'],
    ['LumaFusion', 'Editing in LumaFusion on my iPad'],
    ['Klingon', 'Klingon is a fun language to learn'],
    ['海螺 the sea snail', '今天吃了爆炒海螺，太香了'],
    ['混元 tai chi', '混元太极拳练了十年'],
    ['Korean fashion 런웨이', '밀라노 패션위크 런웨이 사진 모음'],
    ['可灵活 (flexibly), not 可灵', '这个方案可灵活配置，支持视频生成'],
    ['可灵敏 (sensitively), not 可灵', '可灵敏地捕捉视频里的动作'],
    ['欢乐马戏 (a circus), not 欢乐马', '欢乐马戏团的视频太好笑了'],
    ['a youth team, plural', "Our U14s' Veo footage is up on the club page"],
    ['Korean rain, not 비오', '비오는 날 영상 찍었어요'],
    [
      'a sports-camera job post',
      "I'm joining Veo! Their AI-powered sports cameras film thousands of clubs",
    ],
    [
      'Portuguese "uma nova reel"',
      'Postei uma nova reel mostrando o bolo, vídeo completo no perfil',
    ],
    ['Spanish veo + a number', 'La IA en el trabajo: yo veo 2 caminos, adaptarse o quedarse atrás'],
    ['a pet + an age', 'my cat sora 2 years old today, she loves the video of herself'],
    ['a name and its gloss', '우리 딸 소라(Sora) 오늘 첫 피아노 콩쿠르 나갔어요🎹 잘했네'],
    ['Spanish Veo + a count, capitalised', 'Veo 2 opciones: o salimos ya o perdemos el tren'],
    ['Portuguese, a count', 'Veo 3 pessoas na fila e nenhuma anda'],
  ])('%s', (_, text) => {
    expect(labels(text)).toEqual([]);
  });
});

describe('collisions that also name a video or AI word: the common sense still wins', () => {
  // Rule 3's context words are everywhere in these posts; the collision's own vocabulary
  // (vetoes and negatives in the dataset) must outweigh them.
  it.each([
    [
      'airport, by aircraft',
      'AI cameras now watch the runway for debris before every A321 departs',
    ],
    ['fashion house', 'Balenciaga sent AI avatars down the runway and the video went viral'],
    ['a fashion show in French', 'Premier défilé sur un vrai runway, vidéo en story #model'],
    ['a pet by its breed', 'my husky Sora watching the sunset, video in the comments'],
    ['the matrix, in Chinese', 'SVD分解在推荐系统里还有用吗？讲解视频在这里'],
    ['startup burn', 'We sell AI video tools; at our current burn the runway lasts into 2028'],
    ['Pokémon, by game words', 'Every Gen 4 gym leader ranked, full video on my channel'],
    ['a car generation', 'Gen 3 Tacoma build walkaround video is up'],
    [
      'a product generation, by its ordinal',
      'The third generation of our smart thermostat is out: Gen-3 cuts energy use by 40%',
    ],
    [
      'sports camera, by match words',
      "The Veo caught our goalkeeper's save, highlights video below",
    ],
    ['Kingdom Hearts, by character', 'Sora vs Xemnas on Critical Mode, full video'],
    ['a person, possessive surname', "Sora Tanaka's dance video is everywhere this week"],
    [
      'the author Kling',
      'Kevin Kling told stories on the radio, the video of his last show is online',
    ],
    ['a song', 'Dream Machine is on repeat, that synthwave music video rules'],
    ['Luma events', 'RSVP on Luma for Thursday, we will demo AI video tools'],
    ['mochi the food', 'Mochi pounding video: the mallet never misses the rice'],
    ['a happy horse', 'happy horse rolling in the mud, video from this morning'],
    ['Spanish veo + a superlative', 'Veo muchísimos videos hechos con IA en TikTok últimamente'],
    ['Aleph Alpha, the AI company', 'Aleph Alpha und die Frage nach europäischer KI-Souveränität'],
    ['a person with a title', 'Dr. Anna Kling will present her AI video research at the summit'],
    ['a pet, in Portuguese', 'O Sora, meu cachorro, virou estrela no TikTok com um vídeo dele'],
    ['the game "veo veo"', "Grabé un video de los niños jugando al 'veo veo' en el coche"],
    ['SVD the rifle', 'The SVD in Battlefield 6 is overpowered right now, clip inside'],
    ['fireflies, in German', 'Glühwürmchen-Nacht im Wald, Zeitraffer in 4K, ganz ohne KI #firefly'],
    ['pika the animal, in Japanese', 'ナキウサギ(pika)の動画を見つけた。AIかと思うくらい可愛い'],
    ['pika the animal, in Hinglish', 'Ladakh trip pe pehli baar pika dekha, video bhi banaya'],
    ['a kiln, misspelt', 'the kilng is finally hot, pottery video tomorrow'],
    [
      'the Veo camera, in Portuguese',
      'A escolinha colocou uma câmera Veo no campo, todo jogo vira vídeo com os melhores lances',
    ],
    ['a pet Luma, by her birthday', 'Luma turned 3 today 🎂 filmed the whole birthday video'],
    [
      'startup runway, in Hinglish',
      'Startup ka runway sirf 6 mahine ka bacha hai, ab funding chahiye',
    ],
    [
      'Midjourney images, #aiart',
      'Midjourney v7 portraits 📸 prompt in the replies #midjourney #aiart',
    ],
    ['Midjourney images, in Japanese', 'MidjourneyのV7で描いた風景画。動画じゃなくて静止画だけど'],
    ['a daughter named Sora', 'My daughter Sora asked the AI chatbot to write her book report'],
    ['a conch, in Korean', '소라 숙회 먹으러 속초 왔어요 🐚 바닷가에서 영상 찍었는데'],
    ['the Magic Conch', '神奇海螺说今天不用加班😂 公司的AI助手给我写了三页加班方案'],
    ['dreamt, not 即梦', '昨晚刷完短视频一闭眼即梦到自己在考高数'],
    ['Klingon, in Korean', '스타트렉 클링온 분장 영상 보는데 목소리는 AI로 바꾼 거 같음'],
    ['a Paris runway, in Japanese', 'パリコレのランウェイ動画、AIの自動字幕つけて見てる'],
    ['a coin-operated ride', '商场门口那个投币欢乐马摇摇车，录了个视频发家族群'],
    ['Pokémon, in Korean', '포켓몬 Gen-4 스타팅 중에 누구 골랐음? 옛날 플레이 영상 보다가'],
    [
      'an airport, in Portuguese',
      'Vídeo do avião a aterrar no Funchal: o piloto acertou na runway à primeira',
    ],
    [
      'startup runway, in Dutch',
      'Onze startup heeft nog 8 maanden runway. Elke investeerder vraagt naar het AI-verhaal',
    ],
    [
      'SVD in a French exam',
      "Partiel d'algèbre linéaire demain : SVD, valeurs propres, et des vidéos de chats",
    ],
    ['pika, in Russian', 'В горах наконец сняли на видео pika — это пищуха, клип в 4K'],
    [
      'an espresso dream machine',
      'New espresso machine is an actual dream machine ☕ slow-mo clip of the first pour',
    ],
    [
      'Sora the Italian town',
      'Domenica festa patronale a Sora, ho fatto un video della processione in 4K',
    ],
    ['bánh mochi', 'Làm bánh mochi nhân xoài lần đầu, quay video hướng dẫn'],
    ['Marey, in Arabic', 'في محاضرة تاريخ السينما اليوم تكلمنا عن Marey قبل اختراع الفيديو'],
    [
      'a pet rabbit, in Dutch',
      'Mijn dochter heeft een filmpje gemaakt van ons konijn Mochi, in 4K',
    ],
    [
      'the Veo camera, in Italian',
      "Per i pulcini abbiamo preso una Veo, la telecamera che segue la palla da sola con l'AI",
    ],
    ['Kingdom Hearts, by a boss', 'Sora vs Yozora no-damage on Critical, full clip in 4K 60fps'],
    [
      'an astronomy reel',
      "T CrB finally went nova!! Our astronomy club's nova reel is up, 40 frames stacked",
    ],
    ['a happy horse, in lower case', 'Such a happy horse 😍 video pls!'],
    ['Portuguese slang pika', 'muito pika esse clipe 🔥'],
    ['a dream shattered, not 即梦', '十连又歪了，当即梦碎💔 录屏视频发群里'],
    [
      'Pokémon generations, in Japanese',
      'ピカチュウ連れ歩きはやっぱ第4世代（Gen 4）のHGSSが至高。最近のAI生成ファンアート',
    ],
    ['mochi, in Chinese', '快手上刷到一个手工麻薯的视频，原来 mochi 这么好做'],
    ['a PC build', '드디어 내 dream machine 완성🔥 5090에 4K 240Hz 모니터'],
    ['Firefly, a game character', '流萤（Firefly）的新PV视频看哭了，4K 60帧'],
    [
      'Marey, in German',
      'Mein Sohn hält ein Referat über Marey und die chronofotografische Flinte. Gutes Erklärvideo?',
    ],
    ['Vietnamese ví dụ', "bài tập tiếng Anh đặt câu vidu: 'I watch a video every day'"],
    ['Arabizi sora (a picture)', 'ba3tlak sora el shasha w video lel moshkela'],
    [
      'a cobbler, in Hinglish',
      'Gali wale mochi bhaiya ne joota naya kar diya, video banake reel daali',
    ],
    ['like a runway, in Hinglish', 'Pitch ekdum runway jaisi flat thi, highlights ka clip 4K me'],
    ['a restaurant', 'ร้าน Sora Omakase ทองหล่อ ถ่ายคลิปมาทำ reel'],
    [
      'Adobe Firefly images, a video elsewhere',
      'Usei o Adobe Firefly pra gerar o fundo da arte do post, ficou ótimo. Só imagem mesmo, o vídeo eu editei no CapCut',
    ],
    [
      'Adobe Firefly images, 4K',
      'Pakai Adobe Firefly buat generate background foto produk, hasilnya 4K dan bersih',
    ],
    [
      'Firefly the series, a remaster',
      'Rewatching Firefly and the DVD rip is rough. Anyone know a decent 4K remaster, or AI upscales?',
    ],
    [
      'Dream Machine the song, in Spanish',
      "Qué temazo 'Dream Machine', la pusieron de fondo en el reel de la boda",
    ],
    ["a kids' park named 欢乐马", '小区门口新开了家「欢乐马」亲子乐园，旋转木马拍成慢动作视频'],
    [
      'the Veo camera, in Vietnamese',
      'Đội bóng phủi tụi mình mới góp tiền mua camera Veo, AI tự bám bóng, link clip trận tối qua',
    ],
    [
      'SVD, in Arabic',
      'شرح SVD في الجبر الخطي بالفيديو، أساسي لو تبغى تفهم أوزان نماذج الذكاء الاصطناعي',
    ],
    [
      'a roadster',
      "the '91 Miata is finally done. She's my dream machine 🚗 Filmed a proper video on the coast road",
    ],
    [
      'São Paulo Fashion Week',
      'O look da Gisele no runway da SPFW virou meme, o clip tá em todo lugar',
    ],
    [
      'Firefly the series, in French',
      "Je revois Firefly en 4K ce week-end. Toujours pas remise de l'annulation",
    ],
    [
      'a shiba, in Japanese',
      'うちの柴のMochi、見守りカメラのAIが毎回通知してくる。動画見たら普通に犬',
    ],
    [
      'the Veo camera, in Korean',
      '아들 유소년 축구 경기, 클럽에서 Veo 카메라로 찍어서 AI가 공 따라가며 편집한 하이라이트 영상',
    ],
    [
      "a startup's runway, in Chinese",
      '我们这轮融资还没close，账上runway只剩7个月，AI视频赛道太卷了',
    ],
    [
      'a Turkish idiom',
      '4K 60fps video ayarını sora sora buldum. Sora sora Bağdat bulunur derler ya',
    ],
    [
      'Russian сор (litter)',
      'После ремонта столько сора, что робот-пылесос с «умным ИИ» сдался, видео',
    ],
    [
      'a muscle car',
      "the '71 Chevelle finally fires on the first crank. Dream machine. Full walkaround video Sunday, no AI used",
    ],
    [
      'a dog, in French',
      'Sora, notre border collie, a fait sa première rando ce week-end, clip en 4K',
    ],
    [
      'a UniFi router',
      "le flux passe par mon UniFi Dream Machine et j'enregistre les clips de détection de mouvement",
    ],
    [
      "'a new reel', capitalised",
      'Nova reel no ar! 🎣 Tucunaré de 6 kg, filmado em 4K com a GoPro',
    ],
    [
      'a brunch spot',
      'New brunch spot: Luma on Park. Prompt service, the ube mochi waffle is unreal, made for reels',
    ],
    ['a seafood restaurant', '在老家那家“海螺大排档”订了一桌🦪 我用手机拍了段视频'],
    [
      'out of happiness, in Hinglish',
      'dulha khushi ke marey gaadi ke sunroof se bahar nikal ke naachne laga, reel dekho',
    ],
    ['a cat, in Japanese', 'うちの猫のsora、今日で3歳になりました🎂 誕生日の動画まとめた'],
    [
      'a Paris runway, in French',
      'Le runway Jacquemus de ce soir 😍 les vidéos ne rendent pas justice aux robes',
    ],
    [
      "Germany's Next Top Model",
      'GNTM-Finale: Der Runway-Clip vom Walk in Köln hat schon 3 Millionen Aufrufe',
    ],
    [
      'Firefly the series, in German',
      'Firefly endlich in 4K auf Disney+, eine Staffel und ein Film',
    ],
    ['Luma de Oliveira', 'um vídeo antigo da Luma de Oliveira na Sapucaí, remasterizado em 4K'],
    [
      'a seed round, in Portuguese',
      'Fechamos nossa rodada seed! Estendemos o runway para 24 meses e vamos usar IA no app',
    ],
    ['grilled sea snails', '夜市的烤海螺十块一串，拍了个视频给我妈看'],
    ['Spanish Veo + a count of films', 'Veo 3 películas este finde: Dune, Alien y Blade Runner'],
    [
      'Spanish Veo + a count of matches',
      'Veo 3 partidos este finde, los resúmenes en video el lunes',
    ],
    ['a cat named, in Japanese', 'うちの猫（名前はMochi）がルンバに乗ってる動画'],
    ['a place, 海螺沟', '海螺沟冰川的4K航拍视频剪好了 #海螺沟'],
    ['sea snails', 'tried 海螺 (sea snails) with chilli, full reaction clip in my travel series'],
    ['a fancam, in Korean', '런웨이 직캠 클립 모델들 워킹 미쳤다'],
    ['the Veo camera, in Thai', 'กล้อง Veo ที่สนามฟุตบอลเด็ก ใช้ AI หมุนตามลูก ได้คลิปไฮไลต์'],
    ['Vietnamese ví dụ như', 'vidu nhu app CapCut bay gio co san template AI'],
    [
      'startup runway, in Indonesian',
      'runway startup kita tinggal 9 bulan. Fitur generate video pakai AI ditunda',
    ],
    [
      'hitting sixes, in Hinglish',
      'Kohli ne aaj 4 chakke marey, highlights clip dekh ke goosebumps',
    ],
    [
      'a food hashtag after a clip',
      'Review bánh mochi ở chợ Bến Thành, Clip full trên kênh nha #mochi',
    ],
    ["a pet's age, in Japanese", 'うちのソラ2歳になりました！動画撮った'],
    ['two cats, in Japanese', 'ソラ2匹目の猫を迎えました、動画はリールで'],
    [
      'a startup extending its runway',
      'We cut burn and extended runway to 20 months, we build AI video tools',
    ],
    [
      'a happy horse emoji',
      'a happy horse 🐴 rolling in the sand, the AI stabilizer saved the shot',
    ],
    ['SVD, hyphenated', 'SVD on the frame stack makes a neat background-subtraction demo, video'],
    ['Firefly Aerospace', 'Firefly Alpha liftoff from Vandenberg, onboard camera footage'],
    ['Marey the pioneer', 'The Marey exhibit at the museum shows his bird flight films'],
    [
      'SVD the factorisation',
      'SVD with principal components to split the video frames into background',
    ],
    [
      'steady phone footage',
      'Stable video from a phone on a motorbike: which handlebar mount gives clean footage?',
    ],
    ['pika the animal', 'Filmed a pika carrying hay to its haypile, video in the replies'],
    ['海螺 the snail', '周末去赶海捡海螺，回家拍了做菜视频'],
    ['混元 video understanding', '腾讯混元新增视频理解能力'],
    ['omni-modal', 'Is the Gemini omni-modal Live API good for video understanding?'],
    ['Conch Cement, a listed company', '海螺水泥又跌了，谁给我剪个视频讲讲 $海螺水泥$'],
    ['a pet, glossed in full-width brackets', 'Mochi（うちの猫）が寝言言ってる動画撮れた'],
    ['a pet, in Vietnamese', 'Pika nhà mình đi biển, clip 4K nè'],
    ['Vietnamese "trong veo" (crystal clear)', 'Nước biển trong veo, quay clip bằng GoPro'],
    [
      'the Veo camera, in German',
      'Unsere neue Veo Kamera filmt alle Spiele, die Videos findet ihr in der Veo App',
    ],
    ['K-pop generations', '4세대 걸그룹 중에 gen4 직캠 영상 모음 보는 중'],
    [
      'Hinglish "banaya" is "made", not "generated"',
      'Sora ka birthday tha, mummy ne cake banaya 🎂',
    ],
    ['a handle', '@sora_0312 어제 노래방에서 찍은 영상 나한테도 보내줘'],
    [
      'Hinglish "ki" (of), not German KI',
      'Bhai 2 ghante se runway pe baithe hain, cousin ki haldi miss',
    ],
    ["French j'ai, not AI", "J'ai croisé Sora hier au marché, elle va bien"],
    ['Portuguese "ia" (was going), not IA', 'A Luma ia sair comigo hoje, mas choveu'],
    [
      'bare Mochi with an AI word: still the pet',
      "ran Mochi's photo through that AI background thing",
    ],
    ['a GPU generation', 'Is a 4060 the Gen 3 of graphics cards? GPU prices are insane'],
    ['a Prada runway, in Korean', '프라다 쇼 런웨이 앞줄에 앉아있는 영상 보고 출근'],
    ['Firefly in Honkai: Star Rail', "Firefly's ult animation still goes so hard #HonkaiStarRail"],
    ['混元 in a wuxia game', '剑网3打本录了个视频，这赛季混元伤害是真的高'],
    [
      'LUMA Arles, the art centre',
      "Journée à Arles : on a fini à la tour LUMA, l'installation vidéo au sous-sol",
    ],
    [
      'a wrestler’s entrance, in Japanese',
      'SANADAの入場、もはやランウェイ。完全にモデルのそれ。後楽園で撮った動画 #njpw',
    ],
    ['SVD the rifle, in Chinese', '暗区突围里SVD一枪一个，刚剪了个四杀集锦 [视频]'],
    ['Spanish "veo mucha"', 'Veo mucha IA en los reels últimamente'],
    ['SVD in fine-tuning', 'LoRA init via SVD converges faster: principal singular vectors'],
    [
      'a startup’s runway, in Korean',
      'AI 스타트업인데 GPU 비용 때문에 런웨이가 8개월밖에 안 남았다',
    ],
    ['Tokyo Fashion Week', '東コレのランウェイでAI生成デザインの服が出てた'],
    ['a phone chip generation', 'HP baru pake Snapdragon 8 Gen 3, NPU-nya kuat buat AI on-device'],
    [
      'the Veo camera, in Arabic',
      'نادينا اشترى كاميرا Veo عشان تصور مباريات الفئات السنية بالذكاء الاصطناعي',
    ],
    [
      'a Turkish fashion week',
      "Moda Haftası'nda koleksiyonu AI ile tasarlamışlar, runway'de yürüyen elbiseler",
    ],
    ['a daughter, her name glossed', '우리 딸 소라(Sora) 영상 보세요'],
    [
      'the Veo camera, in Polish',
      'W akademii syna zamontowali kamerę Veo, AI samo śledzi piłkę i są klipy',
    ],
    [
      'Arabizi sora, a phone camera',
      'el camera bta3t el iPhone btetla3 el sora a7la, bs el video bel leil wa7esh',
    ],
    [
      'an abaya show, in Arabic',
      'حضرت عرض عبايات امس، أول مرة أشوف runway على الطبيعة، صورت كم مقطع',
    ],
    [
      'a cousin, in capitals',
      'COUSIN SORA GOT INTO JUILLIARD, she used some AI app on her audition video',
    ],
    ['what sora means', "조카 이름이 '하늘'인데 일본어로는 sora래, AI 번역기도 그렇대"],
    [
      'pika ecology',
      'American pika populations shifted upslope; camera-trap video of a pika hauling hay',
    ],
  ])('%s', (_, text) => {
    expect(labels(text)).toEqual([]);
  });

  it('a happy horse in a Veo clip is only Veo', () => {
    expect(labels('generated a happy horse galloping across a field with Veo 3')).toEqual(['veo']);
  });

  it('Midjourney image versions', () => {
    expect(labels('Midjourney v7 for the stills, then Kling 2.1 animates them')).toEqual(['kling']);
    expect(labels('BTS reel: moodboard in Midjourney, animated in Kling 2.6')).toEqual(['kling']);
    expect(
      labels('Holiday spots storyboarded in Midjourney and animated with Runway Gen-4.5'),
    ).toEqual(['runway']);
    expect(labels('Reel hecho con IA: imágenes en Midjourney y animación con Kling 2.5')).toEqual([
      'kling',
    ]);
  });
});

describe('mentions', () => {
  it.each([
    ['context word', 'Sora keeps messing up hands in every video I generate', ['sora']],
    [
      'negation still counts (rule 4)',
      'Sora is overhyped and I am tired of the AI clips',
      ['sora'],
    ],
    ['comparison', 'unlike Runway, Pika gives me three free videos a day', ['pika', 'runway']],
    ['co-mention decides a bare name', 'Kling vs Hailuo, which is better?', ['hailuo', 'kling']],
    [
      'two names of one family decide each other',
      "Hâte de travailler avec l'équipe de Runway sur Gen-4 et Act-Two",
      ['runway'],
    ],
    ['a pet and the model', 'I turned my cat Mochi into a movie star with Mochi 1', ['mochi']],
    ['brand that is the product', 'Runway raises another round at a huge valuation', ['runway']],
    ['possessive', "Runway's Gen-4 keeps my character consistent", ['runway']],
    ['a bare Gen-N, by AI words', 'Gen-4 is a new generation of AI video generation', ['runway']],
    ['ALL CAPS', 'KLING 2.6 IS INSANE FOR DANCE VIDEOS', ['kling']],
    ['emoji glued to the name', '🔥Veo3🔥 made this whole ad', ['veo']],
    ['common misspelling', 'Hailou AI is great for anime', ['hailuo']],
    ['a misspelt brand', 'Midjourny video loops my old stills', ['midjourney-video']],
    ['a transposed misspelling', 'o kilng tá levando 20 min pra gerar um vídeo', ['kling']],
    ['the Sora app, in Russian', 'Приложение Sora закрыли, а я только втянулся 😢', ['sora']],
    ['Хайлуо, in Russian', 'Хайлуо всё ещё хуже по физике ткани', ['hailuo']],
    [
      'Midjourney in katakana',
      'ミッドジャーニーの動画機能でイラストを動かしてみた',
      ['midjourney-video'],
    ],
    [
      'the tool, in Indonesian',
      'Video ucapan Ramadan buat grup keluarga kali ini bikin di Dreamina, gratis',
      ['seedance'],
    ],
    ['a month, in Indonesian', 'Runway rilis fitur baru bulan ini, video AI-nya keren', ['runway']],
    [
      'Sora in Russian, inflected',
      'Сору закрыли, а я только научился нормальные промпты писать',
      ['sora'],
    ],
    ['a watermark', 'it had the KLING watermark in the corner, mom', ['kling']],
    ['a Polish case ending', 'Wszystkie moje AI reelsy robię Klingiem 🤖 serio polecam', ['kling']],
    ['AI short dramas', '现在圈里做AI短剧的基本就是即梦', ['seedance']],
    [
      'the Italian town, by its river',
      'Ho chiesto a Kling di animare la vecchia cartolina di Sora: nel video il Liri scorre',
      ['kling'],
    ],
    [
      'a misspelt Seedance',
      "c'est du Seadance 2.0 : regardez le bec qui se dédouble",
      ['seedance'],
    ],
    ['the tool, in Korean', '엄마 젊을 때 사진을 클링으로 움직여봤는데 진짜 소름', ['kling']],
    [
      'a shelter cat in a Kling clip',
      "Mochi's shelter photo → Kling's image-to-video → my cat doing a backflip",
      ['kling'],
    ],
    [
      'a group’s own words decide its name',
      'Marey was the one legal signed off on, because of the licensed training data',
      ['marey'],
    ],
    [
      'Midjourney video context',
      'Midjourney animate turned my art into short clips',
      ['midjourney-video'],
    ],
    [
      'Firefly with video context',
      'Adobe Firefly can now generate 1080p video clips',
      ['firefly-video'],
    ],
    ['Gemini Omni full name', 'Gemini Omni Flash made a clip with sound', ['gemini-omni']],
    ['MiniMax H3 full name', 'MiniMax H3 weights are out', ['hailuo']],
    ['Nova Reel full name', 'Amazon Nova Reel on Bedrock is cheap', ['nova-reel']],
    ['Marey with Moonvalley', 'Moonvalley says Marey is trained on licensed footage', ['marey']],
    [
      'SVD in a video post',
      'SVD img2vid still works for product spins',
      ['stable-video-diffusion'],
    ],
    ['spaced Happy Horse with context', 'Happy Horse image-to-video is fast', ['happyhorse']],
    [
      'Higgsfield app',
      'Not the Higgs field: Higgsfield turned my selfie into a crash zoom',
      ['higgsfield'],
    ],
  ])('%s', (_, text, expected) => {
    expect(labels(text)).toEqual(expected);
  });
});

describe('bare Wan: a version or another model decides it, generic context does not', () => {
  it.each([
    [
      'beside another model',
      'Krea Video lets you pick Hailuo or Wan as the backend',
      ['hailuo', 'krea', 'wan'],
    ],
    ['a comparison', 'Kling vs Wan for image-to-video, which one?', ['kling', 'wan']],
    ['the group’s own context', "Alibaba's Wan is the best open video model", ['wan']],
    ['generic AI words only', 'Wan is great, AI workflow in ComfyUI', []],
    ['the director beside a model', 'James Wan says Sora will not replace directors', []],
    ['Wan Chai beside a model', 'Wan Chai at night, my Veo 3 test clips', ['veo']],
    [
      'bare LTX beside other models',
      'ComfyUI (Wan / LTX workflows), Kling too',
      ['kling', 'ltx-video', 'wan'],
    ],
    ['bare LTX with generic words only', 'LTX is great, AI workflow in ComfyUI', []],
  ])('%s', (_, text, expected) => {
    expect(labels(text)).toEqual(expected);
  });
});

describe('the name in use outweighs the other sense elsewhere in the post', () => {
  it.each([
    [
      'used as a tool beside a runway walk',
      'Used Runway to turn my sketches into a runway walk for the final show',
      ['runway'],
    ],
    ['in the tool, beside fashion words', 'We built the whole fashion film in Runway', ['runway']],
    ['the walk alone', 'Loved the runway walk in the final show, AI lights and all', []],
    ['lower case after a use word', 'the plane landed in runway fog, video from the cockpit', []],
    [
      'Spanish: capitalised after "si"',
      '¿Alguien sabe si Veo ya está disponible en México? Quiero hacer videos con IA',
      ['veo'],
    ],
    [
      'Spanish: "ni Sora ni Veo"',
      'Ni Sora ni Veo: para animar me quedo con Kling',
      ['kling', 'sora', 'veo'],
    ],
    ['Spanish: the verb after "si"', 'No sé si veo el video hoy, la IA me tiene cansado', []],
  ])('%s', (_, text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it('use words come from the dataset', () => {
    const text = 'Used Runway to turn my sketches into a runway walk for the final show';
    const d = cloneDetection(detection);
    d.groups!.find((g) => g.id === 'runway')!.use = [];
    expect(labeller(d)(text).labels).toEqual([]);
  });
});

describe('a number after a name: an airport runway only after the bare word', () => {
  it.each([
    [
      'a numbered list after a strong name',
      'Runway Aleph: 1) storyboard first 2) then shots',
      ['runway'],
    ],
    ['a count after a strong name', 'RunwayML 2 times faster than last year', ['runway']],
    ['the airport', 'Runway 27L closed, AI cameras check it for debris', []],
  ])('%s', (_, text, expected) => {
    expect(labels(text)).toEqual(expected);
  });
});

describe('a version makes the model’s spelling, not a lower-case word and a number', () => {
  it.each([
    ['capitalised after an English "no"', 'No Veo 3 access in Europe yet, so annoying', ['veo']],
    ['glued after a Spanish veto word', 'ya veo3 está en Gemini', ['veo']],
    ['a hashtag after a veto word', 'no #veo3 no party', ['veo']],
    ['lower case without a veto word', 'probando veo 3 con audio', ['veo']],
  ])('%s', (_, text, expected) => {
    expect(labels(text)).toEqual(expected);
  });
});

describe('any language and script (rule 5)', () => {
  it.each([
    [
      'Chinese brands without spaces',
      '可灵和海螺AI对比，即梦的视频更稳',
      ['hailuo', 'kling', 'seedance'],
    ],
    ['通义万相 with version', '通义万相2.2的图生视频', ['wan']],
    ['混元视频', '腾讯混元视频开源了', ['hunyuan-video']],
    ['欢乐马 with context', '欢乐马生成的视频动作很顺', ['happyhorse']],
    ['Japanese particles glued', 'Sora2で作った動画とVeo 3.1の比較', ['sora', 'veo']],
    [
      'Korean particles glued',
      'Veo 3.1이랑 Kling 2.5 비교해봤는데 클링이 낫네요',
      ['kling', 'veo'],
    ],
    ['Korean transliteration with context', '오픈AI 소라 앱으로 영상을 만들었어요', ['sora']],
    ['Spanish', 'Probé Kling AI para animar fotos viejas', ['kling']],
    ['Portuguese', 'o Veo 3 gerou um comercial inteiro', ['veo']],
    ['German', 'Mit Runway Gen-4 ein Musikvideo erzeugt', ['runway']],
    ['German ad words', 'Die Stadtwerke haben ihren Werbespot mit Veo erstellt', ['veo']],
    ['French', 'Luma AI Dream Machine : mon avis', ['luma']],
    ['Hindi-English', 'Maine Kling se video banaya, bahut mast hai', ['kling']],
    ['Hindi in Devanagari', 'Kling से दादी की फोटो का वीडियो बनाया', ['kling']],
    [
      'Traditional Chinese brands',
      '試了可靈AI的首尾幀，再用即夢做了一段視頻',
      ['kling', 'seedance'],
    ],
    ['Korean Veo with a glued version', '구글 비오3로 만든 영상', ['veo']],
    ['Arabic Sora with context', 'نموذج سورا 2 من OpenAI يولد فيديو', ['sora']],
    ['Russian', 'OmniHuman оживил фото', ['omnihuman']],
    ['full-width letters', 'ＳＯＲＡ ２ はすごい', ['sora']],
    ['Vietnamese "in Veo 3"', 'Âm thanh trong Veo 3 hay hơn hẳn', ['veo']],
    ['a handle beside a model', '@mochi_lab それ多分Seedance 2.0ですね', ['seedance']],
    ['a brand’s own handle', 'this clip is insane @runwayml gen-4', ['runway']],
    [
      'a pet glossed in English beside a model',
      "Ran a pic of Mochi (our shiba) through Pika's inflate effect",
      ['pika'],
    ],
    ['a strong alias after "a lot of"', 'I burned through a lot of RunwayML credits', ['runway']],
    [
      'a strong alias after "out of"',
      'nothing I got out of Gen-4 Turbo looked this good',
      ['runway'],
    ],
    [
      'a German compound',
      'Wusstet ihr dass Kling von Alibaba ist? Schon wieder ein Videomodell',
      ['kling'],
    ],
    ['German KI', 'Video mit KI: Kling ist top', ['kling']],
    ['the Sora app, in Thai', 'คิดถึงแอป Sora นะ ตอนนี้ปิดไปแล้ว', ['sora']],
    ['a Turkish inflected video word', 'Otelin tanıtım videosunu Runway ile yapmışlar', ['runway']],
    [
      'Arabizi sora (a picture), beside a model',
      '7atet sora adeema le gedo 3ala Kling AI w 5aleto yebtesem',
      ['kling'],
    ],
    [
      'a version in brackets names the model',
      'Mąż wrzucił zdjęcie pradziadka do Runwaya (Gen-4 czy jakoś tak) i na filmiku mruga',
      ['runway'],
    ],
    ['Runway (Gen-4)', 'Runway (Gen-4) looks fine', ['runway']],
    [
      'a pet glossed in Portuguese, beside a model',
      'testei o Kling 2.1 com a foto da Luma (minha vira-lata) correndo',
      ['kling'],
    ],
    [
      'a lower-case name and a named version',
      'this is 100% runway gen-4, look at the hands',
      ['runway'],
    ],
    ['an Indonesian clip', 'aku bikin pake Dreamina, dari 4 foto jadi klip 10 detik', ['seedance']],
  ])('%s', (_, text, expected) => {
    expect(labels(text)).toEqual(expected);
  });
});

describe('hashtags and product URLs (rules 3 and 7)', () => {
  it.each([
    ['#Sora2', 'my dog as a pilot lol #Sora2', ['sora']],
    ['#veo3', 'the yeti vlog trend #veo3 #fyp', ['veo']],
    ['#klingai', 'grandma dancing #klingai', ['kling']],
    ['#wan22', 'local render #wan22', ['wan']],
    ['#GeminiOmni', 'surfing corgi #GeminiOmni', ['gemini-omni']],
    ['sora.com', 'made on sora.com today', ['sora']],
    ['sora.chatgpt.com share link', 'lol https://sora.chatgpt.com/p/s_123', ['sora']],
    ['runwayml.com path', 'see runwayml.com/research', ['runway']],
    ['klingai.com', 'https://app.klingai.com/global/video/abc', ['kling']],
    ['pika.art', 'pika.art did this to my cat', ['pika']],
    ['lumalabs.ai', 'lumalabs.ai/dream-machine is down', ['luma']],
    ['hailuoai.video', 'try hailuoai.video', ['hailuo']],
  ])('%s', (_, text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it('a bare-name hashtag alone is not decisive', () => {
    expect(labels('sunset walk #sora #skyphotography')).toEqual([]);
  });
});

describe('versions (rule 6)', () => {
  it.each([
    ['Sora 2 Pro', ['sora@2']],
    ['Sora Turbo is gone', ['sora@turbo']],
    ['Veo3 audio', ['veo@3']],
    ['veo-3.0-generate-001 via the API', ['veo@3']],
    ['Veo 3.1 Lite', ['veo@3.1']],
    ['#Veo31 clip', ['veo@3.1']],
    ['Kling 2.5 Turbo', ['kling@2.5']],
    ['je suis passé sur Luma Ray 2', ['luma@ray2']],
    ['سورا ٢ بقت بتعمل صوت', ['sora@2']],
    ['Kling ٢.٦ جامد', ['kling@2.6']],
    ['el audio de Veo 3.1 es una locura #veo3', ['veo@3.1']],
    ['#veo3 and Veo 3 Fast', ['veo@3']],
    ['Luma Ray 3.14 keyframes', ['luma@ray3.14']],
    ['KLING 2.1 MASTER', ['kling@2.1']],
    ['Kling3 motion', ['kling@3.0']],
    ['Kling O1 edit', ['kling@o1']],
    ['Kling2.5Turbo cloth physics', ['kling@2.5']],
    ['Veo3Fast is cheap now', ['veo@3']],
    ['#Sora2Pro clips', ['sora@2']],
    ['kling-v2-5-turbo in the API', ['kling@2.5']],
    ['fal-ai/kling-video/v2.6/pro/image-to-video on fal', ['kling@2.6']],
    ['Kling 2.6 opciones de cámara', ['kling@2.6']],
    ['ソラ2で作った動画、保存しとけばよかった', ['sora@2']],
    ['Vidu 的 Q3 有人用過嗎', ['vidu@q3']],
    ['сейчас сижу на Клинге 2.6', ['kling@2.6']],
    ['픽스버스 V6랑 하이루오 2.3 비교 영상', ['pixverse@v6', 'hailuo@2.3']],
    ['Sora 2日本上陸！動画生成が楽しい', ['sora@2']],
    ['Veo 3人物一致性测试', ['veo@3']],
    ['kling ya veo 3.1 lite? budget zero hai', ['veo@3.1']],
    ['جرّبنا سورا 2 وكلينغ 2.6 على نفس البرومبت', ['sora@2', 'kling@2.6']],
    ['Клинг 3.0 наконец перестал ломать пальцы', ['kling@3.0']],
    ['Veo 3.1 days after launch, still the best video model', ['veo@3.1']],
    ['Runway Gen-4 Turbo', ['runway@gen-4']],
    ['Runway Gen-3 Alpha clip', ['runway@gen-3']],
    ['Runway Aleph edit', ['runway@aleph']],
    ['Act-Two for performance capture', ['runway@act-two']],
    ['Luma Ray2 Flash', ['luma@ray2']],
    ['Luma Ray3.14 video', ['luma@ray3.14']],
    ['Hailuo 02 anime', ['hailuo@02']],
    ['MiniMax video-01 test', ['hailuo@video-01']],
    ['海螺3.0上线', ['hailuo@3.0']],
    ['Vidu Q1 reference video', ['vidu@q1']],
    ['PixVerse V5.5 transitions', ['pixverse@v5.5']],
    ['LTX-2 local run', ['ltx-video@2']],
    ['Wan2.2-T2V-A14B in ComfyUI', ['wan@2.2']],
    ['Seedance 1.0 Pro shots', ['seedance@1.0']],
    ['Seedance 2 is out', ['seedance@2.0']],
    ['seedance-1-5-pro on fal', ['seedance@1.5']],
    ['SVD-XT frames', ['stable-video-diffusion@xt']],
    ['amazon.nova-reel-v1:1 model id', ['nova-reel@1.1']],
    ['HappyHorseの1.1がいい', ['happyhorse@1.1']],
    ['OmniHuman-1.5 lip sync', ['omnihuman@1.5']],
    ['LTXV 13B is fast', []],
    ['Veo3Fastest is not a tier', []],
    ['CogVideoX-5B fine-tune', []],
    ['Kling 2.5 turbo vs 2.1 master', ['kling@2.5', 'kling@2.1']],
    ['Haiper 2.0 is smoother than 1.5', ['haiper@2.0', 'haiper@1.5']],
    ['Kling 2.5 Turbo? Lo veo mucho mejor que el 2.1 para movimientos', ['kling@2.5', 'kling@2.1']],
    ['Seedance 1.0 renders 1.5 seconds faster', ['seedance@1.0']],
    ['Veo３．１でCM風の動画', ['veo@3.1']],
    ['Kling2．1 video', ['kling@2.1']],
    ['Ｋｌｉｎｇ ２.5 mixed widths', ['kling@2.5']],
    ['시댄스 2.0 진짜 미쳤네', ['seedance@2.0']],
    ['하이뤄 2.3 써봤는데', ['hailuo@2.3']],
  ])('%s', (text, expected) => {
    expect(versions(text)).toEqual(expected);
  });

  // The parser reads a later part only where a version can go on; these still read whole.
  it.each([
    ['Veo 3-0 test', 'Veo 3-0', '3'],
    ['Kling v 2 test', 'Kling v 2', '2.0'],
    ['Runway Gen-4 Aleph today', 'Runway Gen-4 Aleph', 'aleph'],
    ['Hailuo video-01 ok', 'Hailuo video-01', 'video-01'],
    ['Veo 3 is out', 'Veo 3', '3'],
  ])('%s: %s', (text, alias, version) => {
    const [first] = detectMentions(text, matcher);
    expect([first?.alias, first?.version]).toEqual([alias, version]);
  });
});

describe('mentions and offsets', () => {
  it('reports UTF-16 offsets into the original text, version included in the alias', () => {
    const text = '🎬🎬 Tried 可灵2.1 and then KlingAI, plus Sora 2 Pro.';
    const ms = detectMentions(text, matcher);
    expect(ms.map((m) => [m.alias, text.slice(m.start, m.end)])).toEqual([
      ['可灵2.1', '可灵2.1'],
      ['KlingAI', 'KlingAI'],
      ['Sora 2', 'Sora 2'],
    ]);
    expect(ms[0]).toMatchObject({ family: 'kling', version: '2.1', modelId: 'kling-2-0-2-1' });
  });

  it('says what decided an ambiguous alias', () => {
    const [byContext] = detectMentions('Sora keeps messing up the prompt', matcher);
    expect(byContext?.evidence).toBe('prompt');
    const byHashtag = detectMentions('veo is wild #veo3', matcher);
    expect(byHashtag[0]?.evidence).toBe('#veo3');
    const byCoMention = detectMentions('Kling or Hailuo?', matcher);
    expect(byCoMention[0]?.evidence).toBe('co-mention: Hailuo');
    const strong = detectMentions('PixVerse is fun', matcher);
    expect(strong[0]?.evidence).toBeNull();
  });

  it('finds a mention buried in a 1 MB post', () => {
    const filler = 'The weather was fine and we walked along the river for hours. ';
    const text =
      filler.repeat(Math.ceil(500_000 / filler.length)) +
      'Then I used Kling AI. ' +
      filler.repeat(Math.ceil(500_000 / filler.length));
    expect(text.length).toBeGreaterThan(1_000_000);
    const ms = detectMentions(text, matcher);
    expect(ms.map((m) => m.family)).toEqual(['kling']);
    expect(text.slice(ms[0]!.start, ms[0]!.end)).toBe('Kling AI');
  });

  it('handles a 1 MB post full of mentions', () => {
    const text = 'Sora 2 vs Veo 3.1 vs Kling, and my cat Sora. '.repeat(23_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const ms = detectMentions(text, matcher);
    expect(summarize(ms).labels).toEqual(['kling', 'sora', 'veo']);
    expect(ms.length).toBeGreaterThanOrEqual(69_000);
  });

  it('returns nothing for empty or mention-free text', () => {
    expect(detectMentions('', matcher)).toEqual([]);
    expect(detectMentions('just a normal day', matcher)).toEqual([]);
  });
});

describe('summarize', () => {
  it('sorts unique families and keeps unique family@version', () => {
    const ms = detectMentions('Veo 3 vs Sora 2 vs Veo 3 vs Kling', matcher);
    expect(summarize(ms)).toEqual({
      labels: ['kling', 'sora', 'veo'],
      versions: ['veo@3', 'sora@2'],
    });
  });
});

describe('a video word decides a bare name near it, or when the name is the tool', () => {
  it.each([
    ['next to the name', 'Every Sora clip looks like a pharma ad', ['sora']],
    ['in the same sentence', 'Sora turned my story into a short video', ['sora']],
    [
      'the name as the tool, in German',
      'Hab gestern mit Kling Omas altes Hochzeitsfoto zum Leben erweckt. Das Video ist rührend',
      ['kling'],
    ],
    [
      'the name as the tool, in Korean',
      '클링으로 할머니 사진을 살려봤어요. 결과 영상은 댓글에 있어요',
      ['kling'],
    ],
    [
      'an AI word decides from anywhere',
      'Sora is overhyped. Half my feed is AI slop now',
      ['sora'],
    ],
  ])('%s', (_, text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it.each([
    [
      'a cat, and a video two sentences on',
      "LOST CAT. Sora is a small grey tabby, very shy. Our neighbour's doorbell video shows her",
    ],
    ['the same name, not the tool', '클링 할머니 사진을 살려봤어요. 결과 영상은 댓글에 있어요'],
  ])('%s', (_, text) => {
    expect(labels(text)).toEqual([]);
  });
});

describe('everything comes from the dataset', () => {
  const text = 'Sora turned my story into a short video';

  it('a new veto phrase in a collision group fixes a false positive without code', () => {
    const fp = 'Sora from Kingdom Hearts in my Blender video';
    expect(labeller(detection)(fp).labels).toEqual([]); // already vetoed by "Kingdom Hearts"
    const d = cloneDetection(detection);
    expect(labeller(d)(text).labels).toEqual(['sora']);
    d.groups!.find((g) => g.id === 'sora')!.negative!.push('short video');
    expect(labeller(d)(text).labels).toEqual([]);
  });

  it('marking an alias ambiguous makes it need evidence', () => {
    const d = cloneDetection(detection);
    expect(labeller(d)('PixVerse is fun').labels).toEqual(['pixverse']);
    d.aliases.find((a) => a.text === 'PixVerse')!.ambiguous = true;
    expect(labeller(d)('PixVerse is fun').labels).toEqual([]);
    expect(labeller(d)('PixVerse made a fun video').labels).toEqual(['pixverse']);
  });

  it('dropping a context word removes the evidence it gave', () => {
    const d = cloneDetection(detection);
    expect(labeller(d)('Vidu is slow today, prompt queue is long').labels).toEqual(['vidu']);
    for (const words of Object.values(d.contextWords))
      words.splice(0, words.length, ...words.filter((w) => !w.toLowerCase().startsWith('prompt')));
    expect(labeller(d)('Vidu is slow today, prompt queue is long').labels).toEqual([]);
  });

  it('patterns holding an emoji (two UTF-16 units) match like any other word', () => {
    const text = '海螺的新视频模型 生成效果不错';
    expect(labeller(detection)(text).labels).toEqual(['hailuo']);
    // The hailuo-cjk group's veto "🐚": the sea snail, not the model.
    expect(labeller(detection)(text.replace('海螺', '海螺🐚')).labels).toEqual([]);
    const d = cloneDetection(detection);
    expect(labeller(d)('Vidu 🎬 tonight').labels).toEqual([]);
    d.contextWords.en!.push('🎬');
    const mentions = detectMentions('Vidu 🎬 tonight', compileMatcher(d));
    expect(mentions.map((m) => [m.family, m.evidence])).toEqual([['vidu', '🎬']]);
  });

  it('tier words glued to a version come from the dataset', () => {
    const d = cloneDetection(detection);
    expect(labeller(d)('Kling2.1Master clip').versions).toEqual(['kling@2.1']);
    d.settings!.tierWords = [];
    expect(labeller(d)('Kling2.1Master clip').versions).toEqual([]);
  });

  it('an age after a number is no version, by the dataset’s words', () => {
    const text = 'Kling 2 years in: what changed in AI video';
    expect(labeller(detection)(text)).toEqual({ labels: ['kling'], versions: [] });
    const d = cloneDetection(detection);
    d.settings!.versionVetoWords = [];
    expect(labeller(d)(text).versions).toEqual(['kling@2.0']);
  });

  it('a word listed in exactCase counts only in the case written there', () => {
    const d = cloneDetection(detection);
    d.contextWords.en = [...d.contextWords.en!, 'ZZT'];
    expect(labeller(d)('Sora and zzt').labels).toEqual(['sora']);
    d.settings!.exactCase = [...(d.settings!.exactCase ?? []), 'ZZT'];
    expect(labeller(d)('Sora and zzt').labels).toEqual([]);
    expect(labeller(d)('Sora and ZZT').labels).toEqual(['sora']);
  });

  it('how near a video word must be comes from the dataset', () => {
    const text =
      "LOST CAT. Sora is a small grey tabby, very shy. Our neighbour's doorbell video shows her";
    const d = cloneDetection(detection);
    d.settings!.mediaWindow = undefined;
    expect(labeller(d)(text).labels).toEqual(['sora']);
    d.settings!.mediaWindow = 200;
    expect(labeller(d)(text).labels).toEqual([]); // two sentences on: still too far
    const korean = '클링으로 할머니 사진을 살려봤어요. 결과 영상은 댓글에 있어요';
    d.settings!.instrumentAfter = [];
    expect(labeller(d)(korean).labels).toEqual([]);
  });

  it('a long video word near a name counts, however long (up to the schema’s 80 characters)', () => {
    const phrase =
      'slow motion drone footage of the harbour at dawn with the fishing boat coming in';
    expect(phrase.length).toBe(80);
    const text = `${phrase} and then, far out, Sora`;
    const d = cloneDetection(detection);
    d.videoWords!.en!.push(phrase);
    const mentions = detectMentions(text, compileMatcher(d));
    expect(mentions.map((m) => [m.family, m.evidence])).toEqual([['sora', phrase]]);
  });

  it('person titles come from the dataset', () => {
    const text = 'Dr. Anna Kling will present her AI video research';
    const d = cloneDetection(detection);
    d.settings!.personTitles = [];
    expect(labeller(d)(text).labels).toEqual(['kling']);
  });

  it('a new alias and a new version work without code', () => {
    const d = cloneDetection(detection);
    expect(labeller(d)('Kling 4.0 is out').versions).toEqual([]);
    d.versions!.kling!.push({ v: '4.0' });
    d.aliases.push({ text: 'Kuaishou Kling', family: 'kling', ambiguous: false });
    expect(labeller(d)('Kling 4.0 is out').versions).toEqual(['kling@4.0']);
    expect(labeller(d)('Kuaishou Kling is good').labels).toEqual(['kling']);
  });

  it('how far after a mention a bare version names it is the dataset’s window', () => {
    const text =
      'testei o Vidu Q2 pra fazer anime e ficou muito bom, principalmente as expressões e o ' +
      'movimento de câmera nas cenas de ação. o Q1 era bem mais duro';
    const d = cloneDetection(detection);
    expect(labeller(d)(text).versions).toEqual(['vidu@q2', 'vidu@q1']);
    d.settings!.backrefWindow = 60;
    expect(labeller(d)(text).versions).toEqual(['vidu@q2']);
  });

  it('a rating after a mention is no version, by the dataset’s unit words', () => {
    const text = 'Tried PixVerse V5 for product shots all week, overall I give it 4.5 stars';
    const d = cloneDetection(detection);
    expect(labeller(d)(text).versions).toEqual(['pixverse@v5']);
    d.settings!.unitWords = d.settings!.unitWords!.filter((w) => !w.startsWith('star'));
    expect(labeller(d)(text).versions).toEqual(['pixverse@v5', 'pixverse@v4.5']);
  });

  it('a version of two words is read after a new word without code', () => {
    const d = cloneDetection(detection);
    expect(labeller(d)('Kling 4 Zenith is out').versions).toEqual([]);
    d.versions!.kling!.push({ v: '4 zenith' });
    expect(labeller(d)('Kling 4 Zenith is out').versions).toEqual(['kling@4 zenith']);
  });

  it('compiles a detection section without the optional parts', () => {
    const m = compileMatcher({
      aliases: [{ text: 'Foo Vid', family: 'foo', ambiguous: false }],
      contextWords: {},
      negativeContext: [],
    });
    expect(detectMentions('I like foo-vid and FooVid', m).map((x) => x.alias)).toEqual([
      'foo-vid',
      'FooVid',
    ]);
  });
});
